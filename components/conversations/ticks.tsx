// The ticks of an outbound bubble, as every chat app draws them: a clock while it is on its
// way to the provider, one grey tick for sent, two grey for delivered, two blue for read,
// and a red mark for a failure. data-tick says which, for tests and for screen readers' label.
import { tickFor, type Tick } from "./thread-status";

const LABEL: Record<Tick, string> = { clock: "Sending", sent: "Sent", delivered: "Delivered", read: "Read", failed: "Not delivered" };

const check = "M1.5 8.5 L5 12 L12.5 4";

export function Ticks({ status }: { status: string }) {
  const tick = tickFor(status);
  const label = LABEL[tick];
  if (tick === "clock") {
    return (
      <svg data-testid="ticks" data-tick={tick} role="img" aria-label={label} viewBox="0 0 16 16" className="h-3.5 w-3.5 text-slate-400">
        <title>{label}</title>
        <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4.5 V8 L10.5 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    );
  }
  if (tick === "failed") {
    return (
      <svg data-testid="ticks" data-tick={tick} role="img" aria-label={label} viewBox="0 0 16 16" className="h-3.5 w-3.5 text-red-600 dark:text-red-400">
        <title>{label}</title>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4 V9 M8 11.5 V12" stroke="white" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    );
  }
  const colour = tick === "read" ? "text-sky-500 dark:text-sky-400" : "text-slate-500 dark:text-slate-400";
  return (
    <svg data-testid="ticks" data-tick={tick} role="img" aria-label={label} viewBox="0 0 20 16" className={`h-3.5 w-[1.1rem] ${colour}`}>
      <title>{label}</title>
      <path d={check} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      {tick !== "sent" && <path d={check} transform="translate(5 0)" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />}
    </svg>
  );
}
