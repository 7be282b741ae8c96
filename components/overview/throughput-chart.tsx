"use client";

// Sent and failed per minute over the last hour, drawn with plain SVG from the server's history
// (use-timeseries.ts), so the chart is full the moment the page opens. "Failed" counts failed
// provider attempts, as the "Failed attempts, last hour" figure above it does.
import type { TimeseriesPoint } from "./use-timeseries";

const W = 300;
const H = 100;
const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

export function ThroughputChart({ points, loading }: { points: TimeseriesPoint[]; loading?: boolean }) {
  const max = Math.max(1, ...points.map((p) => Math.max(p.sent, p.failed)));
  const top = max * 1.15;
  const slot = W / Math.max(1, points.length);
  const y = (v: number) => H - (v / top) * H;
  const totalSent = points.reduce((n, p) => n + p.sent, 0);
  const totalFailed = points.reduce((n, p) => n + p.failed, 0);
  const minutes = points.length;

  return (
    <figure className="space-y-1">
      <div className="flex items-baseline justify-between text-[11px] text-slate-500 dark:text-slate-400">
        <span className="tabular-nums">{Math.ceil(top)}/min</span>
        <span className="flex gap-3">
          <span className="flex items-center gap-1">
            <span aria-hidden className="h-2 w-2 rounded-sm bg-indigo-500" /> sent
          </span>
          <span className="flex items-center gap-1">
            <span aria-hidden className="h-2 w-2 rounded-sm bg-red-500" /> failed attempts
          </span>
        </span>
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-busy={loading || undefined}
        aria-label={loading ? "Loading the last hour" : `Last ${minutes} minutes: ${totalSent} sent, ${totalFailed} failed attempts`}
        data-testid="throughput-chart"
        data-sent={totalSent}
        data-failed={totalFailed}
        className={`h-28 w-full rounded border border-slate-100 bg-slate-50/60 dark:border-slate-800 dark:bg-slate-950/40 ${loading ? "animate-pulse" : ""}`}
      >
        {points.map((p, i) => (
          <g key={p.minute} data-testid="chart-minute" data-minute={p.minute} data-sent={p.sent}>
            <title>{`${clock.format(new Date(p.minute))}: ${p.sent} sent, ${p.failed} failed attempts, ${p.delivered} delivered`}</title>
            <rect x={i * slot} y={0} width={slot} height={H} fill="transparent" />
            {p.sent > 0 && <rect x={i * slot + slot * 0.12} y={y(p.sent)} width={slot * 0.38} height={H - y(p.sent)} className="fill-indigo-500" />}
            {p.failed > 0 && <rect x={i * slot + slot * 0.5} y={y(p.failed)} width={slot * 0.38} height={H - y(p.failed)} className="fill-red-500" />}
          </g>
        ))}
      </svg>
      <figcaption className="flex justify-between text-[11px] text-slate-500 dark:text-slate-400">
        <span>{minutes} min ago</span>
        <span className="tabular-nums">
          {totalSent} sent · {totalFailed} failed attempts
        </span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
