"use client";

// The bar above the table while messages are selected or a bulk retry is running.
import type { BulkProgress } from "./use-bulk-retry";
import { BulkRecipientWarning } from "./bulk-recipient-warning";
import type { RecipientCheck } from "./use-recipient-check";

export function BulkRetryBar({
  count,
  progress,
  check,
  onRetry,
  onRetryIds,
  onKeep,
  onClear,
  onDismiss,
}: {
  count: number;
  progress: BulkProgress | null;
  check: RecipientCheck | null;
  onRetry: () => void;
  onRetryIds: (ids: string[]) => void;
  onKeep: () => void;
  onClear: () => void;
  onDismiss: () => void;
}) {
  if (count === 0 && !progress) return null;
  const running = !!progress?.running;
  const checking = !!check?.running;
  const asking = !!check && !check.running && check.blamed.size > 0;
  const pct = progress ? Math.round((progress.done / Math.max(1, progress.total)) * 100) : 0;
  return (
    <div data-testid="bulk-bar" className="space-y-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm dark:border-indigo-900 dark:bg-indigo-950/60">
      <div className="flex flex-wrap items-center gap-2">
        {count > 0 && !running && (
          <>
            <span className="font-medium">{count} selected</span>
            <button type="button" onClick={onRetry} disabled={checking || asking} className="rounded-md bg-indigo-600 px-3 py-1 text-xs font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-60">
              {checking ? `Checking… ${check!.checked} of ${check!.ids.length}` : "Retry selected"}
            </button>
            <button type="button" onClick={onClear} className="rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-indigo-100 dark:text-slate-300 dark:hover:bg-indigo-900">
              Clear selection
            </button>
          </>
        )}
        {progress && (
          <span data-testid="bulk-progress" role="status" aria-live="polite" className="ml-auto flex items-center gap-2 text-xs">
            {running ? `Retrying… ${progress.done} of ${progress.total} done` : `Retried ${progress.done - progress.failures.length} of ${progress.total}`}
            {progress.failures.length > 0 && <span className="text-red-700 dark:text-red-300">· {progress.failures.length} failed</span>}
            {!running && (
              <button type="button" onClick={onDismiss} className="font-medium underline">
                Dismiss
              </button>
            )}
          </span>
        )}
      </div>
      {asking && <BulkRecipientWarning check={check!} onRetryIds={onRetryIds} onKeep={onKeep} />}
      {progress && (
        <div className="h-1.5 overflow-hidden rounded-full bg-indigo-100 dark:bg-indigo-900" aria-hidden>
          <div className="h-full bg-indigo-600 transition-[width] dark:bg-indigo-400" style={{ width: `${pct}%` }} />
        </div>
      )}
      {progress && progress.failures.length > 0 && !running && (
        <ul className="space-y-0.5 text-xs text-red-700 dark:text-red-300">
          {progress.failures.slice(0, 5).map((f) => (
            <li key={f.id}>
              <code className="font-mono">{f.id}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
