"use client";

// Per-minute sent and failed over the last 30 minutes, drawn with plain SVG. The dashed lines are
// the last hour's average per minute from /api/stats, so a freshly opened tab is not an empty chart;
// minutes before this tab started counting are shaded (unknown, not zero).
import type { ThroughputPoint } from "@/components/live/throughput-store";

const W = 300;
const H = 100;
const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

export function ThroughputChart({ points, sentAvg, failedAvg }: { points: ThroughputPoint[]; sentAvg: number; failedAvg: number }) {
  const max = Math.max(1, sentAvg, failedAvg, ...points.map((p) => Math.max(p.sent, p.failed)));
  const top = max * 1.15;
  const slot = W / points.length;
  const y = (v: number) => H - (v / top) * H;
  const totalSent = points.reduce((n, p) => n + p.sent, 0);
  const totalFailed = points.reduce((n, p) => n + p.failed, 0);
  const firstKnown = points.findIndex((p) => p.known);

  return (
    <figure className="space-y-1">
      <div className="flex items-baseline justify-between text-[11px] text-slate-500 dark:text-slate-400">
        <span className="tabular-nums">{Math.ceil(top)}/min</span>
        <span className="flex gap-3">
          <span className="flex items-center gap-1">
            <span aria-hidden className="h-2 w-2 rounded-sm bg-indigo-500" /> sent
          </span>
          <span className="flex items-center gap-1">
            <span aria-hidden className="h-2 w-2 rounded-sm bg-red-500" /> failed
          </span>
          <span className="flex items-center gap-1">
            <span aria-hidden className="w-3 border-t border-dashed border-slate-500" /> last-hour avg
          </span>
        </span>
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Last 30 minutes: ${totalSent} sent, ${totalFailed} failed`}
        data-testid="throughput-chart"
        className="h-28 w-full rounded border border-slate-100 bg-slate-50/60 dark:border-slate-800 dark:bg-slate-950/40"
      >
        {firstKnown !== 0 && (
          <rect x={0} y={0} width={(firstKnown < 0 ? points.length : firstKnown) * slot} height={H} className="fill-slate-200/60 dark:fill-slate-800/60" />
        )}
        {points.map((p, i) => (
          <g key={p.minute}>
            <title>{`${clock.format(p.minute)}: ${p.known ? `${p.sent} sent, ${p.failed} failed` : "not counted (tab not open yet)"}`}</title>
            <rect x={i * slot} y={0} width={slot} height={H} fill="transparent" />
            {p.sent > 0 && <rect x={i * slot + slot * 0.12} y={y(p.sent)} width={slot * 0.38} height={H - y(p.sent)} className="fill-indigo-500" />}
            {p.failed > 0 && <rect x={i * slot + slot * 0.5} y={y(p.failed)} width={slot * 0.38} height={H - y(p.failed)} className="fill-red-500" />}
          </g>
        ))}
        {sentAvg > 0 && <line x1={0} x2={W} y1={y(sentAvg)} y2={y(sentAvg)} strokeDasharray="4 3" vectorEffect="non-scaling-stroke" className="stroke-indigo-400" />}
        {failedAvg > 0 && <line x1={0} x2={W} y1={y(failedAvg)} y2={y(failedAvg)} strokeDasharray="4 3" vectorEffect="non-scaling-stroke" className="stroke-red-400" />}
      </svg>
      <figcaption className="flex justify-between text-[11px] text-slate-500 dark:text-slate-400">
        <span>30 min ago</span>
        <span className="tabular-nums">
          {totalSent} sent · {totalFailed} failed
          {firstKnown > 0 && ` since ${clock.format(points[firstKnown]!.minute)}`}
        </span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
