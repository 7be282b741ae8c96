// Badges for a call's status (ongoing → ended → analyzed) and its follow-up outcome.
// Full class strings (not built from parts) so Tailwind finds them.
import { humanize } from "@/components/ui/labels";

const BADGE = "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";
const NEUTRAL = "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600";

const STATUS_CLASSES: Record<string, string> = {
  ongoing: "bg-sky-100 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  ended: NEUTRAL,
  analyzed: "bg-indigo-100 text-indigo-800 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800",
};

const OUTCOME_CLASSES: Record<string, string> = {
  booked: "bg-green-100 text-green-800 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-800",
  interested: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  not_connected: "bg-rose-100 text-rose-800 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800",
  none: NEUTRAL,
};

export function CallStatusBadge({ status }: { status: string }) {
  return (
    <span data-testid="call-status" data-status={status} className={`${BADGE} ${STATUS_CLASSES[status] ?? NEUTRAL}`}>
      {status === "ongoing" && <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-sky-500" />}
      {status}
    </span>
  );
}

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  if (!outcome) return <span className="text-xs text-slate-400">—</span>;
  return (
    <span data-testid="call-outcome" className={`${BADGE} ${OUTCOME_CLASSES[outcome] ?? NEUTRAL}`}>
      {outcome === "none" ? "no follow-up" : humanize(outcome)}
    </span>
  );
}
