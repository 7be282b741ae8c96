// One colour per severity: critical red, error orange, warning amber, info slate.
// Full class strings (not built from parts) so Tailwind finds them.

export const SEVERITY_BADGE_CLASSES: Record<string, string> = {
  critical: "bg-red-100 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  error: "bg-orange-100 text-orange-800 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  warning: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  info: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600",
};

/** The bar at the left edge of a row. */
export const SEVERITY_ACCENT_CLASSES: Record<string, string> = {
  critical: "bg-red-500",
  error: "bg-orange-500",
  warning: "bg-amber-400",
  info: "bg-slate-300 dark:bg-slate-600",
};
