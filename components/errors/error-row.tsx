"use client";

import { memo, useState } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { ErrorActions } from "./error-actions";
import type { ApiErrorEntry } from "@/components/api/types";
import { SeverityBadge } from "./severity-badge";
import { SEVERITY_ACCENT_CLASSES } from "./severity-colors";

// Below `lg` a row is a card (severity | time, message, details, actions); from `lg` up a table row.
const CELL = "min-w-0 lg:px-2.5 lg:py-2 lg:align-top";

const STATE_CLASSES = {
  open: "text-slate-500 dark:text-slate-400",
  acknowledged: "bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  resolved: "bg-emerald-50 text-emerald-800 ring-1 ring-inset ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
};

export function entryState(e: ApiErrorEntry): keyof typeof STATE_CLASSES {
  return e.resolvedAt ? "resolved" : e.acknowledgedAt ? "acknowledged" : "open";
}

function ErrorRowImpl({ entry, clientName, now, fresh }: { entry: ApiErrorEntry; clientName?: string; now: number; fresh: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const state = entryState(entry);
  const hasContext = Object.keys(entry.context).length > 0;

  return (
    <tr
      data-testid="error-row"
      data-error-id={entry.id}
      data-severity={entry.severity}
      data-state={state}
      data-fresh={fresh || undefined}
      className={`relative grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 border-t border-slate-200 py-3 pl-4 pr-3 first:border-t-0 lg:table-row lg:p-0 lg:first:border-t dark:border-slate-800 ${
        fresh ? "bg-indigo-50/70 dark:bg-indigo-950/40" : "hover:bg-slate-50 dark:hover:bg-slate-900/60"
      } ${state === "resolved" ? "opacity-70" : ""}`}
    >
      <td className={`${CELL} order-1 whitespace-nowrap lg:table-cell lg:relative lg:pl-4`}>
        <span aria-hidden className={`absolute inset-y-0 left-0 w-1 ${SEVERITY_ACCENT_CLASSES[entry.severity] ?? SEVERITY_ACCENT_CLASSES.info}`} />
        <SeverityBadge severity={entry.severity} />
      </td>
      <td className={`${CELL} order-3 col-span-2 lg:table-cell`}>
        <button
          type="button"
          onClick={() => setExpanded((x) => !x)}
          aria-expanded={expanded}
          className={`block w-full cursor-pointer text-left font-medium lg:max-w-xl ${expanded ? "whitespace-pre-wrap break-words" : "truncate"}`}
          title={expanded ? "Collapse" : entry.message}
        >
          {entry.message}
        </button>
        <p className="mt-0.5 truncate text-xs text-slate-500 dark:text-slate-400">
          {entry.occurrences > 1 && (
            <span data-testid="error-occurrences" title={`seen ${entry.occurrences} times`} className="mr-1.5 rounded bg-slate-200 px-1 font-mono font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-200">
              ×{entry.occurrences}
            </span>
          )}
          <span className="font-medium text-slate-600 dark:text-slate-300">{entry.service}</span> · {entry.operation} ·{" "}
          <span className="font-mono">{entry.errorType}</span>
        </p>
        {expanded && (
          <div className="mt-2 space-y-1 text-xs text-slate-600 dark:text-slate-300">
            <p className="font-mono">
              {entry.id} · fingerprint {entry.fingerprint}
            </p>
            {hasContext && (
              <pre className="max-h-64 overflow-auto rounded-md bg-slate-100 p-2 font-mono text-[11px] leading-relaxed dark:bg-slate-800">
                {JSON.stringify(entry.context, null, 2)}
              </pre>
            )}
            <ErrorActions entry={entry} showSimilar />
          </div>
        )}
      </td>
      <td className={`${CELL} order-4 text-xs text-slate-500 lg:table-cell lg:text-sm lg:text-inherit dark:text-slate-400`}>
        {entry.clientId ? (
          <span className="block truncate lg:max-w-32" title={entry.clientId}>
            {clientName ?? <span className="font-mono text-xs">…{entry.clientId.slice(-8)}</span>}
          </span>
        ) : (
          <span className="text-slate-400" title="Herald itself, not one client">
            system
          </span>
        )}
      </td>
      <td className={`${CELL} order-2 justify-self-end whitespace-nowrap text-xs text-slate-500 lg:table-cell lg:text-sm lg:text-slate-600 dark:text-slate-400`}>
        <RelativeTime iso={entry.createdAt} now={now} />
        {entry.occurrences > 1 && (
          <span data-testid="error-last-seen" className="block text-xs text-slate-500 dark:text-slate-400">
            last <RelativeTime iso={entry.lastSeenAt} now={now} />
          </span>
        )}
      </td>
      <td className={`${CELL} order-5 lg:table-cell`}>
        <span data-testid="error-state" className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STATE_CLASSES[state]}`}>
          {state}
        </span>
      </td>
      <td className={`${CELL} order-6 justify-self-end empty:hidden lg:table-cell lg:text-right`}>
        <ErrorActions entry={entry} />
      </td>
    </tr>
  );
}

export const ErrorRow = memo(ErrorRowImpl);
