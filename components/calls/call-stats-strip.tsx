"use client";

import type { CallStats } from "@/components/api/types";
import { formatCallDuration } from "./call-duration";

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** Calls, bookings, booking rate and average duration; placeholders keep the height while loading. */
export function CallStatsStrip({ stats }: { stats: CallStats | undefined }) {
  const rate = stats?.bookingRate;
  return (
    <dl data-testid="call-stats" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Figure label="Calls" value={stats ? stats.total : "–"} />
      <Figure label="Ongoing" value={stats ? (stats.byStatus.ongoing ?? 0) : "–"} />
      <Figure label="Booking rate" value={rate === null || rate === undefined ? "–" : `${Math.round(rate * 100)}%`} />
      <Figure label="Avg. duration" value={stats ? formatCallDuration(stats.averageDurationMs) : "–"} />
    </dl>
  );
}
