// What a failed request leaves on the page: the reason and a way to ask again. Never a blank page.
export function RequestError({ what, error, onRetry, retrying }: { what: string; error: Error; onRetry: () => void; retrying?: boolean }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      <p>
        <span className="font-medium">Could not load {what}.</span> {error.message}
      </p>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="rounded-md bg-white px-3 py-1.5 font-medium text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-100 disabled:opacity-50 dark:bg-red-900 dark:text-red-100 dark:ring-red-700 dark:hover:bg-red-800"
      >
        {retrying ? "Retrying…" : "Retry"}
      </button>
    </div>
  );
}
