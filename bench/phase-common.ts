// Settings and results of the in-process phases, and the helpers they share.
import type { WorkerOptions } from "../lib/engine/worker";
import type { Provider } from "../lib/providers/types";
import type { Summary } from "./measure";

export interface LibrarySettings {
  n: number;
  enqueueConcurrency: number;
  batchChunk: number;
  worker: Pick<WorkerOptions, "batchSize" | "concurrency" | "intervalMs" | "leaseMs" | "retryIntervalMs">;
  sandboxDeliveryMs: number;
  latencyRate: number;
  latencyCount: number;
  /** Open-ended phases (one-by-one enqueue) stop starting work after this long. */
  phaseBudgetMs: number;
}

export interface EnqueueResult {
  count: number;
  /** Fewer than N were done because the phase hit its time budget. */
  capped: boolean;
  errors: number;
  ms: number;
  perSecond: number;
  /** CPU of the bench process per message (on SQLite that includes the database's work). */
  cpuMsPerMessage: number;
  callMs: Summary;
}

export interface ProcessResult {
  count: number;
  ms: number;
  perSecond: number;
  /** CPU of the bench process per message, from start until the delivery reports were applied. */
  cpuMsPerMessage: number;
  providerCalls: number;
  messagesSentOnce: number;
  messagesSentTwiceOrMore: number;
  sentOrDelivered: number;
  attemptsNotOne: number;
  attemptRows: number;
  messagesWithAttemptRows: number;
  exactlyOnce: boolean;
  delivered: number;
  deliveredSettleMs: number | null;
  workerErrors: number;
}

export interface LatencyResult {
  targetRate: number;
  /** Messages issued; fewer than planned when the driver stopped because the system could not keep up. */
  count: number;
  planned: number;
  saturated: boolean;
  /** Every planned message issued, and enqueued at ≥ 90 % of the offered rate. */
  keptUp: boolean;
  enqueueMs: number;
  achievedRate: number;
  sent: number;
  enqueueErrors: number;
  enqueueToSendMs: Summary;
  scheduledToSendMs: Summary;
  enqueueCallMs: Summary;
  /** CPU of the bench process per message: enqueue, the worker's tick(s), delivery reports. */
  cpuMsPerMessage: number;
}

export interface LibraryResults {
  enqueueOne: EnqueueResult;
  enqueueBatch: EnqueueResult;
  process: ProcessResult;
  latency: LatencyResult;
}

export const chainsOf = (p: Provider) => ({ sms: [p], email: [p], whatsapp: [p] });

/** One line for an error: Prisma's messages carry the call site first and the cause last. */
export function brief(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const lines = String(e?.message ?? err).trim().split("\n").filter((l) => l.trim());
  return `${e?.code ? `${e.code} ` : ""}${lines[lines.length - 1]?.trim() ?? String(err)}`;
}

export function workerLog(counter: { errors: number }) {
  return (message: string, err?: unknown) => {
    counter.errors += 1;
    if (counter.errors <= 3) console.error(`     [worker] ${message}: ${brief(err)}`);
  };
}
