"use client";

// Every provider call of one message (message.attemptLog), oldest first: a compact list rather
// than a table, so it fits beside the message on a desktop and on a phone alike.
import { formatDuration } from "@/components/ui/format";
import type { ApiAttempt } from "@/components/api/types";
import { RelativeTime } from "@/components/ui/relative-time";
import { ERROR_CLASS_LABELS } from "@/components/ui/labels";

export function MessageAttempts({ attempts, now }: { attempts: ApiAttempt[]; now: number }) {
  if (attempts.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">No provider has been called yet.</p>;
  return (
    <ol data-testid="attempt-log" className="divide-y divide-slate-100 rounded-md bg-white text-xs ring-1 ring-inset ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-700">
      {attempts.map((a, i) => (
        <li key={`${a.at}-${i}`} data-testid="attempt" data-outcome={a.outcome} className="space-y-0.5 px-2.5 py-1.5">
          <div className="flex flex-wrap items-center gap-x-2">
            <span className="tabular-nums text-slate-500">#{a.attempt ?? i + 1}</span>
            <span className="font-medium">{a.provider}</span>
            <span className={a.outcome === "sent" ? "font-medium text-green-700 dark:text-green-400" : "font-medium text-red-700 dark:text-red-400"}>{a.outcome}</span>
            <span className="ml-auto flex gap-2 tabular-nums text-slate-500 dark:text-slate-400">
              <span title="Duration of the provider call">{formatDuration(a.durationMs)}</span>
              <RelativeTime iso={a.at} now={now} />
            </span>
          </div>
          {(a.errorClass || a.errorCode || a.error) && (
            <p className="text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
              {a.errorClass && <span className="mr-1 rounded bg-slate-100 px-1 dark:bg-slate-800" title={ERROR_CLASS_LABELS[a.errorClass]}>{a.errorClass}</span>}
              {a.errorCode && <code className="mr-1 font-mono">{a.errorCode}</code>}
              {a.error}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
