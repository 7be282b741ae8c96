// What server.ts started, reachable from the bundled route handlers (via globalThis).
import type { WorkerStatus } from "./engine/worker";
import type { BreakerState } from "./providers/circuit-breaker";

export interface Runtime {
  startedAt: Date;
  worker?: { status(): WorkerStatus; nudge(): void };
  providers: { name: string; channels: readonly string[]; state?(): BreakerState }[];
}

const holder = globalThis as unknown as { __heraldRuntime?: Runtime };

export function setRuntime(runtime: Runtime): void {
  holder.__heraldRuntime = runtime;
}

export function getRuntime(): Runtime | undefined {
  return holder.__heraldRuntime;
}
