"use client";

// Unresolved entries by severity, each a link to that slice of the log. Used on the Errors page
// and small enough for the overview.
import Link from "next/link";
import type { ErrorStats } from "@/components/api/types";
import { errorsHref, SEVERITIES } from "./error-filter";
import { SEVERITY_ACCENT_CLASSES } from "./severity-colors";

export function ErrorSummary({ stats, clientId }: { stats?: ErrorStats; clientId?: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {SEVERITIES.map((severity) => {
        const count = stats?.unresolved[severity];
        return (
          <Link
            key={severity}
            href={errorsHref({ severity, resolved: "false", clientId })}
            data-testid="error-summary-tile"
            data-severity={severity}
            className="group relative overflow-hidden rounded-lg border border-slate-200 bg-white p-3 pl-4 shadow-sm transition hover:border-slate-300 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-slate-700"
          >
            <span aria-hidden className={`absolute inset-y-0 left-0 w-1 ${SEVERITY_ACCENT_CLASSES[severity]}`} />
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{severity}, unresolved</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${severity === "critical" && count ? "text-red-700 dark:text-red-300" : ""}`}>
              {count ?? "–"}
            </dd>
          </Link>
        );
      })}
    </dl>
  );
}
