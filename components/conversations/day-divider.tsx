// "Today", "Yesterday", "Mon 30 Nov": the line between two days of a thread (a bubble shows only its time).
const weekday = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

const dayOf = (iso: string) => new Date(iso).toDateString();

export function dayLabel(iso: string, now: number): string {
  const d = new Date(iso);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return "Today";
  if (d.toDateString() === new Date(now - 86_400_000).toDateString()) return "Yesterday";
  return d.getFullYear() === today.getFullYear() ? weekday.format(d) : full.format(d);
}

/** Whether a divider goes before the bubble at `timestamp`, after one at `previous`. */
export function startsDay(timestamp: string, previous: string | undefined): boolean {
  return previous === undefined || dayOf(timestamp) !== dayOf(previous);
}

export function DayDivider({ timestamp, now }: { timestamp: string; now: number }) {
  return (
    <li data-testid="day-divider" className="my-1 flex justify-center">
      <span className="rounded-full bg-slate-200/80 px-2.5 py-0.5 text-[11px] font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">{dayLabel(timestamp, now)}</span>
    </li>
  );
}
