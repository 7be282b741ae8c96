// What server.ts started (the worker thread's host, the providers), kept in the context for /api/health.
import type { WorkerStatus } from "./engine/worker";
import type { MetricFamily } from "./engine/worker-protocol";
import type { BreakerState } from "./providers/circuit-breaker";

export interface Runtime {
  startedAt: Date;
  worker?: { status(): WorkerStatus; nudge(): void; metrics?(): MetricFamily[] };
  providers: { name: string; channels: readonly string[]; state?(): BreakerState | undefined }[];
}


