"use client";

// One message with its attempt log and status history (GET /api/messages/:id), read when a row
// is expanded; use-live-message-updates re-reads it whenever an event names the message.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ApiMessageDetail } from "@/components/api/types";

export function messageDetailQueryKey(id: string) {
  return ["message", id] as const;
}

/** The query itself, for a component that needs the detail once (Retry's recipient check). */
export function messageDetailQuery(id: string) {
  return queryOptions({
    queryKey: messageDetailQueryKey(id),
    queryFn: () => fetchJson<{ message: ApiMessageDetail }>(`/api/messages/${encodeURIComponent(id)}`).then((r) => r.message),
    staleTime: 0,
  });
}

export function useMessageDetail(id: string) {
  return useQuery(messageDetailQuery(id));
}

/** The last failed attempt's error, when it blamed the recipient (a bad number, an opt-out): a retry as it is will fail again. */
export function recipientFailure(detail: ApiMessageDetail): string | null {
  const failed = detail.attemptLog.filter((a) => a.outcome === "failed");
  const last = failed[failed.length - 1];
  return last?.errorClass === "recipient" ? (last.error ?? last.errorCode ?? "the recipient was refused") : null;
}
