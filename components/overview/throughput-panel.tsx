"use client";

// Sent and failed in the last hour and 24 h, the per-minute chart, cost and queue lag.
import type { QueueStats } from "@/lib/realtime/contract";
import { formatCents, formatDuration } from "@/components/ui/format";
import { Panel } from "./panel";
import { ThroughputChart } from "./throughput-chart";
import { useTimeseries } from "./use-timeseries";

function Figure({ label, value, tone, testId, hint }: { label: string; value: string; tone?: "bad" | "warn"; testId?: string; hint?: string }) {
  const colour = tone === "bad" ? "text-red-700 dark:text-red-300" : tone === "warn" ? "text-amber-700 dark:text-amber-300" : "";
  return (
    <div className="min-w-0" title={hint}>
      <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd data-testid={testId} className={`text-lg font-semibold tabular-nums ${colour}`}>
        {value}
      </dd>
    </div>
  );
}

// What each figure counts, said once here and shown as its tooltip: the Sent tab and the
// Failed tile count messages by their status now; these count events in a window of time.
const SENT_HINT = "Messages a provider accepted in the last 60 minutes, whatever their status is now (sent, delivered or read)";
const FAILED_HINT = "Failed provider calls in the window; one message may fail several times before it is sent or gives up. The Failed tile counts messages waiting for a retry now.";

export function ThroughputPanel({ stats, clientId }: { stats: QueueStats; clientId?: string }) {
  const series = useTimeseries(clientId);
  return (
    <Panel id="throughput-panel" title="Throughput">
      <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Sent, last hour" value={stats.sentLastHour.toLocaleString()} testId="sent-hour" hint={SENT_HINT} />
        <Figure label="Failed attempts, hour" value={stats.failedLastHour.toLocaleString()} tone={stats.failedLastHour ? "bad" : undefined} testId="failed-hour" hint={FAILED_HINT} />
        <Figure label="Sent, 24 h" value={stats.sent24h.toLocaleString()} testId="sent-24h" hint={SENT_HINT.replace("60 minutes", "24 hours")} />
        <Figure label="Failed attempts, 24 h" value={stats.failed24h.toLocaleString()} tone={stats.failed24h ? "bad" : undefined} testId="failed-24h" hint={FAILED_HINT} />
      </dl>
      <ThroughputChart points={series.data?.points ?? []} loading={!series.data} />
      {series.isError && <p className="mt-1 text-xs text-red-700 dark:text-red-300">The history could not be loaded: {series.error.message}</p>}
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
