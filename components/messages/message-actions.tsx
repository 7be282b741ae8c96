"use client";

// Retry and Edit (failed, dead_letter) and Cancel (pending, failed) for one row.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import { isCancellable, isRetryable } from "@/components/api/message-statuses";
import type { ApiMessage } from "@/components/api/types";
import { messageDetailQueryKey } from "./use-message-detail";

type Action = "retry" | "cancel";

export const ACTION_BUTTON =
  "rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset transition disabled:cursor-not-allowed disabled:opacity-50";
export const PRIMARY_ACTION = `${ACTION_BUTTON} bg-white text-indigo-700 ring-indigo-300 hover:bg-indigo-50 dark:bg-slate-900 dark:text-indigo-300 dark:ring-indigo-700 dark:hover:bg-indigo-950`;
export const SECONDARY_ACTION = `${ACTION_BUTTON} bg-white text-slate-700 ring-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-600 dark:hover:bg-slate-800`;

export function useMessageAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) =>
      fetchJson<{ message: ApiMessage }>(`/api/messages/${encodeURIComponent(id)}/${action}`, { method: "POST", json: {} }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["messages"] });
      void queryClient.invalidateQueries({ queryKey: ["stats"] });
      void queryClient.invalidateQueries({ queryKey: messageDetailQueryKey(id) });
    },
  });
}

export function MessageActions({ message, onEdit }: { message: ApiMessage; onEdit?: () => void }) {
  const mutation = useMessageAction(message.id);
  const canRetry = isRetryable(message.status);
  const canCancel = isCancellable(message.status);
  if (!canRetry && !canCancel && !mutation.error) return null;

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-1.5">
        {canRetry && (
          <button type="button" onClick={() => mutation.mutate("retry")} disabled={mutation.isPending} className={PRIMARY_ACTION}>
            {mutation.isPending && mutation.variables === "retry" ? "Retrying…" : "Retry"}
          </button>
        )}
        {canRetry && onEdit && (
          <button type="button" onClick={onEdit} disabled={mutation.isPending} className={SECONDARY_ACTION}>
            Edit
          </button>
        )}
        {canCancel && (
          <button type="button" onClick={() => mutation.mutate("cancel")} disabled={mutation.isPending} className={SECONDARY_ACTION}>
            {mutation.isPending && mutation.variables === "cancel" ? "Cancelling…" : "Cancel"}
          </button>
        )}
      </div>
      {mutation.error && (
        <p role="alert" className="max-w-48 text-right text-xs text-red-700 dark:text-red-300">
          {mutation.error.message}
        </p>
      )}
    </div>
  );
}
