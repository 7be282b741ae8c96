"use client";

// Sent and failed in the last hour and 24 h, the per-minute chart, cost and queue lag.
import type { QueueStats } from "@/lib/realtime/contract";
import { useThroughput } from "@/components/live/throughput-store";
import { formatCents, formatDuration } from "@/components/ui/format";
import { useNow } from "@/components/ui/relative-time";
import { Panel } from "./panel";
import { ThroughputChart } from "./throughput-chart";

function Figure({ label, value, tone, testId }: { label: string; value: string; tone?: "bad" | "warn"; testId?: string }) {
  const colour = tone === "bad" ? "text-red-700 dark:text-red-300" : tone === "warn" ? "text-amber-700 dark:text-amber-300" : "";
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd data-testid={testId} className={`text-lg font-semibold tabular-nums ${colour}`}>
        {value}
      </dd>
    </div>
  );
}

export function ThroughputPanel({ stats, clientId }: { stats: QueueStats; clientId?: string }) {
  const now = useNow(10_000);
  const points = useThroughput(now, clientId);
  return (
    <Panel id="throughput-panel" title="Throughput">
      <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Sent, last hour" value={stats.sentLastHour.toLocaleString()} testId="sent-hour" />
        <Figure label="Failed, last hour" value={stats.failedLastHour.toLocaleString()} tone={stats.failedLastHour ? "bad" : undefined} testId="failed-hour" />
        <Figure label="Sent, 24 h" value={stats.sent24h.toLocaleString()} testId="sent-24h" />
        <Figure label="Failed, 24 h" value={stats.failed24h.toLocaleString()} tone={stats.failed24h ? "bad" : undefined} testId="failed-24h" />
      </dl>
      <ThroughputChart points={points} sentAvg={stats.sentLastHour / 60} failedAvg={stats.failedLastHour / 60} />
    </Panel>
  );
}

export function CostPanel({ stats }: { stats: QueueStats }) {
  const lagTone = stats.queueLagMs > 300_000 ? "bad" : stats.queueLagMs > 30_000 ? "warn" : undefined;
  return (
    <Panel id="cost-panel" title="Cost and queue">
      <dl className="grid grid-cols-3 gap-3">
        <Figure label="Cost today" value={formatCents(stats.costTodayCents)} testId="cost-today" />
        <Figure label="This month" value={formatCents(stats.costMonthCents)} testId="cost-month" />
        <Figure label="Queue lag" value={stats.queueLagMs ? formatDuration(stats.queueLagMs) : "none"} tone={lagTone} testId="queue-lag" />
      </dl>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Queue lag: how long the oldest due message has been waiting.</p>
    </Panel>
  );
}
