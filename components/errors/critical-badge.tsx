"use client";

// The unresolved critical count in the nav, on every console page; hidden at zero.
import { useErrorStats } from "./use-error-stats";

export function CriticalBadge() {
  const { data } = useErrorStats();
  const count = data?.unresolved.critical ?? 0;
  if (!count) return null;
  const words = `${count} unresolved critical ${count === 1 ? "error" : "errors"}`;
  return (
    <span
      data-testid="critical-badge"
      data-count={count}
      title={words}
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold tabular-nums leading-5 text-white"
    >
      <span aria-hidden>{count > 99 ? "99+" : count}</span>
      <span className="sr-only">, {words}</span>
    </span>
  );
}
