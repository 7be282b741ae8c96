"use client";

// A console page that throws while rendering shows what went wrong and a way to try again,
// inside the console's header, never a blank page.
import { useEffect } from "react";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <h1 className="text-base font-semibold">This page could not be shown</h1>
      <p>{error.message || "Something went wrong while rendering it."}</p>
      {error.digest && <p className="font-mono text-xs opacity-70">ref {error.digest}</p>}
      <button type="button" onClick={reset} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-500">
        Retry
      </button>
    </div>
  );
}
