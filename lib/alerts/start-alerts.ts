// Wires the alerter to the process: critical errors and dead letters from the bus, a queue-lag
// check on an interval, and a sweep that sends "N more" summaries when windows end.
// Each replica alerts on what it saw itself (the bus is in-process); an alert is claimed
// in the database first, so replicas that see the same thing (queue lag) send it once.
import type { Db } from "../db/client";
import type { EventBus } from "../events/bus";
import { recordOnce } from "../webhooks/record-once";
import { createAlerter, type Alerter, type AlerterDeps } from "./alerter";
import { logFor } from "../log";

export interface StartAlertsOptions extends Omit<AlerterDeps, "clock"> {
  bus: EventBus;
  db: Db;
  clock?: () => Date;
  /** How often the queue lag is measured (0: never). Default 60 s. */
  lagCheckIntervalMs?: number;
  /** How often ended windows are swept for summaries. Default 30 s. */
  sweepIntervalMs?: number;
  /** Receives the alerter (tests drive checkQueueLag and sweep through it). */
  onAlerter?: (alerter: Alerter) => void;
}

/** The oldest due message's wait, as GET /api/stats reports it (queueLagMs). */
export async function measureQueueLag(db: Db, now: Date): Promise<number> {
  const oldest = await db.message.findFirst({
    where: { status: { in: ["pending", "failed"] }, runAt: { lte: now } },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  return oldest ? Math.max(0, now.getTime() - oldest.runAt.getTime()) : 0;
}

/** Starts alerting; the returned function stops it, sending any pending summary first. */
export function startAlerts(opts: StartAlertsOptions): () => Promise<void> {
  const clock = opts.clock ?? (() => new Date());
  const alerter = createAlerter({ claim: (key) => recordOnce(opts.db, "alert", key, clock()), ...opts, clock });
  opts.onAlerter?.(alerter);
  if (!alerter.enabled) return async () => {};

  const unsubscribe = [
    opts.bus.on("error", ({ event, payload }) => {
      // A repeat of a critical entry counts too: it is folded into the alert's "N more".
      if (event === "critical" || (event === "repeated" && payload.severity === "critical")) alerter.onCriticalError(payload);
    }),
    opts.bus.on("message", ({ event, payload }) => {
      if (event === "dead_letter") alerter.onDeadLetter(payload);
    }),
  ];

  let measuring = false;
  const checkLag = async () => {
    if (measuring) return;
    measuring = true;
    try {
      alerter.checkQueueLag(await measureQueueLag(opts.db, clock()));
    } catch (err) {
      logFor("alerts").error({ err }, "queue lag check failed");
    } finally {
      measuring = false;
    }
  };
  const timers: NodeJS.Timeout[] = [setInterval(() => alerter.sweep(), opts.sweepIntervalMs ?? 30_000)];
  const lagEvery = opts.lagCheckIntervalMs ?? 60_000;
  if (lagEvery > 0 && alerter.queueLagThresholdMs > 0) timers.push(setInterval(() => void checkLag(), lagEvery));
  for (const t of timers) t.unref();

  let stopped: Promise<void> | undefined;
  return () => {
    stopped ??= (async () => {
      for (const t of timers) clearInterval(t);
      for (const off of unsubscribe) off();
      await alerter.close();
    })();
    return stopped;
  };
}
