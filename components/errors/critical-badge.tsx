"use client";

// The unresolved critical count in the nav, on every console page; hidden at zero.
import { NavCountBadge } from "@/components/ui/nav-count-badge";
import { useErrorStats } from "./use-error-stats";

export function CriticalBadge() {
  const { data } = useErrorStats();
  const count = data?.unresolved.critical ?? 0;
  return <NavCountBadge count={count} words={`${count} unresolved critical ${count === 1 ? "error" : "errors"}`} tone="red" testId="critical-badge" />;
}
