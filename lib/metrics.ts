// Prometheus text for /api/metrics. Counts come from the database (so every replica
// reports the same totals); the send-latency histogram is this process's own.
import type { Db } from "./db/client";
import { contextSlot } from "./context";

const BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

const histogram = () => contextSlot<Histogram>("metrics:send-latency", () => ({ counts: BUCKETS_MS.map(() => 0), sum: 0, count: 0 }));

/** Records one provider call's duration. */
export function observeSendLatency(ms: number): void {
  const h = histogram();
  BUCKETS_MS.forEach((b, i) => {
    if (ms <= b) h.counts[i]! += 1;
  });
  h.sum += ms;
  h.count += 1;
}

const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

export async function renderMetrics(db: Db, now = new Date()): Promise<string> {
  const [messages, attempts, oldest] = await Promise.all([
    db.message.groupBy({ by: ["status", "channel"], _count: { _all: true } }),
    db.messageAttempt.groupBy({ by: ["provider", "outcome"], _count: { _all: true } }),
    db.message.findFirst({ where: { status: { in: ["pending", "failed"] }, runAt: { lte: now } }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
  ]);
  const lines: string[] = [];
  lines.push("# HELP herald_messages Messages by status and channel.", "# TYPE herald_messages gauge");
  for (const m of messages) lines.push(`herald_messages{status="${esc(m.status)}",channel="${esc(m.channel)}"} ${m._count._all}`);
  lines.push("# HELP herald_provider_attempts_total Provider calls by provider and outcome.", "# TYPE herald_provider_attempts_total counter");
  for (const a of attempts) lines.push(`herald_provider_attempts_total{provider="${esc(a.provider)}",outcome="${esc(a.outcome)}"} ${a._count._all}`);
  const h = histogram();
  lines.push("# HELP herald_send_duration_ms Provider call latency in this process.", "# TYPE herald_send_duration_ms histogram");
  BUCKETS_MS.forEach((b, i) => lines.push(`herald_send_duration_ms_bucket{le="${b}"} ${h.counts[i]}`));
  lines.push(`herald_send_duration_ms_bucket{le="+Inf"} ${h.count}`, `herald_send_duration_ms_sum ${h.sum.toFixed(3)}`, `herald_send_duration_ms_count ${h.count}`);
  lines.push("# HELP herald_queue_lag_ms Age of the oldest due message.", "# TYPE herald_queue_lag_ms gauge");
  lines.push(`herald_queue_lag_ms ${oldest ? Math.max(0, now.getTime() - oldest.runAt.getTime()) : 0}`);
  return lines.join("\n") + "\n";
}
