"use client";

import Link from "next/link";
import { useQueueStats } from "@/components/live/use-queue-stats";
import { MESSAGE_STATUSES } from "@/components/messages/message-types";
import { STATUS_ACCENT_CLASSES } from "@/components/messages/status-colors";

// Statuses that have a tab of their own on /messages; the others open the full list.
const TAB_FOR_STATUS: Partial<Record<string, string>> = {
  pending: "pending",
  sent: "sent",
  failed: "failed",
  dead_letter: "dead_letter",
};

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

function formatLag(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1_000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export function OverviewTiles() {
  const { data: stats, error, isPending } = useQueueStats();
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700 dark:text-red-300">Could not load stats: {error.message}</p>;

  return (
    <div className="space-y-6">
      <section aria-labelledby="by-status">
        <h2 id="by-status" className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
          Messages by status
        </h2>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {MESSAGE_STATUSES.map((status) => {
            const tab = TAB_FOR_STATUS[status];
            return (
              <Link
                key={status}
                href={tab ? `/messages?tab=${tab}` : "/messages"}
                data-testid="status-tile"
                data-status={status}
                className="group relative overflow-hidden rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition hover:border-slate-300 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-slate-700"
              >
                <span aria-hidden className={`absolute inset-y-0 left-0 w-1 ${STATUS_ACCENT_CLASSES[status] ?? "bg-slate-400"}`} />
                <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{status.replace("_", " ")}</p>
                <p className="mt-1 text-2xl font-semibold tabular-nums">{stats.byStatus[status] ?? 0}</p>
              </Link>
            );
          })}
        </div>
      </section>
      <section aria-labelledby="throughput">
        <h2 id="throughput" className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
          Throughput and cost
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Figure label="Sent, last hour" value={stats.sentLastHour} />
          <Figure label="Failed, last hour" value={stats.failedLastHour} />
          <Figure label="Sent, 24 h" value={stats.sent24h} />
          <Figure label="Scheduled" value={stats.scheduled} />
          <Figure label="Cost today" value={money.format(stats.costTodayCents / 100)} />
          <Figure label="Queue lag" value={formatLag(stats.queueLagMs)} />
        </dl>
      </section>
    </div>
  );
}
