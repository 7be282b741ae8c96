// The daily prune: a first run a little after start, then once a day. Runs never overlap;
// a failure is written to the error log and the next day tries again.
import type { Database } from "../db/client";
import { toError } from "../errors";
import { logError as defaultLogError, type ErrorInput } from "../errorlog/log-error";
import { pruneOldData, type PruneCounts, type PruneOptions } from "./prune";
import { logFor } from "../log";

/** Retention settings by their environment names (getConfig() fits once they exist there). */
export interface RetentionConfig {
  RETENTION_SENT_MESSAGES_DAYS?: number;
  RETENTION_ATTEMPTS_DAYS?: number;
  RETENTION_WEBHOOK_EVENTS_DAYS?: number;
  RETENTION_RESOLVED_ERRORS_DAYS?: number;
}

export interface DailyPruneOptions extends Omit<PruneOptions, "now" | "signal"> {
  database: Database;
  config?: RetentionConfig;
  clock?: () => Date;
  /** Default 24 h. */
  intervalMs?: number;
  /** Delay before the first run, so a start is not slowed down. Default 5 min. */
  firstRunDelayMs?: number;
  logError?: (input: ErrorInput) => void;
  onPruned?: (counts: PruneCounts) => void;
}

export function startDailyPrune(opts: DailyPruneOptions): () => Promise<void> {
  const clock = opts.clock ?? (() => new Date());
  const report = opts.logError ?? defaultLogError;
  const c = opts.config ?? {};
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = async () => {
    const started = clock();
    try {
      const counts = await pruneOldData(opts.database, {
        now: started,
        sentMessagesDays: opts.sentMessagesDays ?? c.RETENTION_SENT_MESSAGES_DAYS,
        attemptsDays: opts.attemptsDays ?? c.RETENTION_ATTEMPTS_DAYS,
        webhookEventsDays: opts.webhookEventsDays ?? c.RETENTION_WEBHOOK_EVENTS_DAYS,
        resolvedErrorsDays: opts.resolvedErrorsDays ?? c.RETENTION_RESOLVED_ERRORS_DAYS,
        batchSize: opts.batchSize,
        pauseMs: opts.pauseMs,
        signal: abort.signal,
      });
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (total) logFor("retention").info({ counts, ms: clock().getTime() - started.getTime() }, "pruned");
      opts.onPruned?.(counts);
    } catch (err) {
      report({ service: "retention", operation: "prune", errorType: "prune_failed", severity: "error", message: toError(err).message });
    }
  };

  const schedule = (delayMs: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        schedule(opts.intervalMs ?? 86_400_000);
      });
    }, delayMs);
    timer.unref();
  };
  schedule(opts.firstRunDelayMs ?? 5 * 60_000);

  return async () => {
    abort.abort();
    clearTimeout(timer);
    await running;
  };
}
