"use client";

// What a panel or page shows when its request failed: what went wrong and a way to ask again.
// Never a blank page. `compact` for a notice inside a panel or above a list that still shows.
export function ErrorNotice({
  what,
  error,
  onRetry,
  retrying = false,
  compact = false,
}: {
  what: string;
  error: Error;
  onRetry: () => void;
  /** A retry is under way: the button says so and waits. */
  retrying?: boolean;
  compact?: boolean;
}) {
  return (
    <div
      role="alert"
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-red-200 bg-red-50 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200 ${compact ? "p-2.5" : "p-4"}`}
    >
      <span>
        Could not load {what}: {error.message}
      </span>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="rounded-md bg-white px-2.5 py-1 text-xs font-medium text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-100 disabled:opacity-50 dark:bg-red-900 dark:text-red-100 dark:ring-red-700 dark:hover:bg-red-800"
      >
        {retrying ? "Retrying…" : "Retry"}
      </button>
    </div>
  );
}
