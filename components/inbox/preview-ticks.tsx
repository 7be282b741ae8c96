// How far the last outbound message got, drawn as a chat app draws it: a clock while it waits,
// one grey tick sent, two grey delivered, two blue read, a red mark when it failed.
const FAILED = new Set(["failed", "dead_letter", "cancelled"]);

function Tick({ className }: { className: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={`h-3.5 w-3.5 ${className}`} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d="M2 8.5 5.5 12 13 4" />
    </svg>
  );
}

export function PreviewTicks({ status }: { status: string | null }) {
  const s = status ?? "pending";
  const label = FAILED.has(s) ? "not sent" : s === "read" ? "read" : s === "delivered" ? "delivered" : s === "sent" ? "sent" : "sending";
  let picture;
  if (FAILED.has(s)) picture = <span aria-hidden className="font-bold text-red-600 dark:text-red-400">!</span>;
  else if (s === "sent") picture = <Tick className="text-slate-400" />;
  else if (s === "delivered" || s === "read") {
    const colour = s === "read" ? "text-sky-500" : "text-slate-400";
    picture = (
      <span aria-hidden className="inline-flex">
        <Tick className={colour} />
        <Tick className={`-ml-2 ${colour}`} />
      </span>
    );
  } else picture = <span aria-hidden className="text-slate-400">◷</span>;
  return (
    <span data-testid="preview-ticks" data-status={s} title={label} className="inline-flex shrink-0 items-center">
      {picture}
      <span className="sr-only">{label}</span>
    </span>
  );
}
