"use client";

// Retry (failed, dead_letter) and Cancel (pending, failed) for one row.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json";
import { CANCELLABLE, RETRYABLE, type ApiMessage } from "./message-types";

type Action = "retry" | "cancel";

const BUTTON =
  "rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset transition disabled:cursor-not-allowed disabled:opacity-50";

export function MessageActions({ message }: { message: ApiMessage }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (action: Action) =>
      fetchJson<{ message: ApiMessage }>(`/api/messages/${encodeURIComponent(message.id)}/${action}`, { method: "POST", json: {} }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["messages"] });
      void queryClient.invalidateQueries({ queryKey: ["stats"] });
    },
  });

  const canRetry = RETRYABLE.includes(message.status);
  const canCancel = CANCELLABLE.includes(message.status);
  if (!canRetry && !canCancel && !mutation.error) return null;

  return (
    <div className="flex flex-col items-start gap-1 lg:items-end">
      <div className="flex gap-1.5">
        {canRetry && (
          <button
            type="button"
            onClick={() => mutation.mutate("retry")}
            disabled={mutation.isPending}
            className={`${BUTTON} bg-white text-indigo-700 ring-indigo-300 hover:bg-indigo-50 dark:bg-slate-900 dark:text-indigo-300 dark:ring-indigo-700 dark:hover:bg-indigo-950`}
          >
            {mutation.isPending && mutation.variables === "retry" ? "Retrying…" : "Retry"}
          </button>
        )}
        {canCancel && (
          <button
            type="button"
            onClick={() => mutation.mutate("cancel")}
            disabled={mutation.isPending}
            className={`${BUTTON} bg-white text-slate-700 ring-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-600 dark:hover:bg-slate-800`}
          >
            {mutation.isPending && mutation.variables === "cancel" ? "Cancelling…" : "Cancel"}
          </button>
        )}
      </div>
      {mutation.error && (
        <p role="alert" className="max-w-48 text-xs text-red-700 lg:text-right dark:text-red-300">
          {mutation.error.message}
        </p>
      )}
    </div>
  );
}
