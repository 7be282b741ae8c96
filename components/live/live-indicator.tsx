"use client";

import { useLive } from "./socket-provider";

export function LiveIndicator() {
  const { connected, socket, reconnect } = useLive();
  return (
    <span className="inline-flex items-center gap-1.5">
      <span
        data-testid="live-indicator"
        data-connected={connected}
        role="status"
        aria-live="polite"
        title={connected ? "Receiving updates as they happen" : "Connection lost; trying again"}
        className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset ${
          connected
            ? "bg-green-50 text-green-800 ring-green-200 dark:bg-green-950 dark:text-green-200 dark:ring-green-800"
            : "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
        }`}
      >
        <span aria-hidden className={`h-2 w-2 rounded-full ${connected ? "animate-pulse bg-green-500" : "bg-amber-500"}`} />
        {connected ? "Live" : "Reconnecting…"}
      </span>
      {!connected && socket && (
        <button
          type="button"
          onClick={reconnect}
          className="rounded-full px-2.5 py-1 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300 hover:bg-amber-100 dark:text-amber-200 dark:ring-amber-700 dark:hover:bg-amber-900"
        >
          Reconnect
        </button>
      )}
    </span>
  );
}
