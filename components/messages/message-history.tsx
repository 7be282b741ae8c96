"use client";

// The status history of one message (message.history), oldest first, with the reason for each move.
import type { ApiHistoryEntry } from "@/components/api/types";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";

export function MessageHistory({ history, now }: { history: ApiHistoryEntry[]; now: number }) {
  if (history.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">No status changes recorded.</p>;
  return (
    <ol data-testid="status-history" className="space-y-1.5 border-l border-slate-200 pl-3 dark:border-slate-700">
      {history.map((h, i) => (
        <li key={`${h.at}-${i}`} data-testid="history-entry" data-status={h.status} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs">
          <StatusBadge status={h.status} />
          {h.note && <span className="break-words text-slate-700 dark:text-slate-300">{h.note}</span>}
          <span className="text-slate-500 dark:text-slate-400">
            <RelativeTime iso={h.at} now={now} />
          </span>
        </li>
      ))}
    </ol>
  );
}
