"use client";

// Retry and Edit (failed, dead_letter) and Cancel (pending, failed) for one row. A message whose
// last failure blamed the recipient (bad number, opted out) asks first: as it is, it will fail again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/api/api-client";
import { isCancellable, isRetryable } from "@/components/api/message-statuses";
import type { ApiMessage } from "@/components/api/types";
import { useMe } from "@/components/auth/use-me";
import { messageDetailQuery, messageDetailQueryKey, recipientFailure } from "./use-message-detail";

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
  const queryClient = useQueryClient();
  const mutation = useMessageAction(message.id);
  const [warning, setWarning] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // A role without the permission has no button at all (a viewer's rows stay quiet).
  const { can } = useMe();
  const canRetry = isRetryable(message.status) && can("retry");
  const canCancel = isCancellable(message.status) && can("cancel");
  if (!canRetry && !canCancel && !mutation.error) return null;

  const retry = async () => {
    setChecking(true);
    const detail = await queryClient.fetchQuery(messageDetailQuery(message.id)).catch(() => null);
    setChecking(false);
    const blame = detail ? recipientFailure(detail) : null;
    if (blame) setWarning(blame);
    else mutation.mutate("retry");
  };
  const busy = mutation.isPending || checking;

  if (warning && canRetry) {
    return (
      <div role="alertdialog" aria-label="Retry a message the recipient refused?" data-testid="recipient-warning" className="ml-auto w-full max-w-72 space-y-1.5 rounded-md bg-amber-50 p-2 text-left text-xs text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
        <p>
          <strong>This failed because of the recipient</strong> ({warning}). Sent again as it is, it will most likely fail again.
        </p>
        <div className="flex flex-wrap justify-end gap-1.5">
          {onEdit && (
            <button type="button" onClick={() => (setWarning(null), onEdit())} className={PRIMARY_ACTION}>
              Edit first
            </button>
          )}
          <button type="button" onClick={() => (setWarning(null), mutation.mutate("retry"))} className={SECONDARY_ACTION}>
            Retry anyway
          </button>
          <button type="button" onClick={() => setWarning(null)} className={SECONDARY_ACTION}>
            Keep
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-1.5">
        {canRetry && (
          <button type="button" onClick={() => void retry()} disabled={busy} className={PRIMARY_ACTION}>
            {busy && (checking || mutation.variables === "retry") ? "Retrying…" : "Retry"}
          </button>
        )}
        {canRetry && onEdit && (
          <button type="button" onClick={onEdit} disabled={busy} className={SECONDARY_ACTION}>
            Edit
          </button>
        )}
        {canCancel && (
          <button type="button" onClick={() => mutation.mutate("cancel")} disabled={busy} className={SECONDARY_ACTION}>
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
