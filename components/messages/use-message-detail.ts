"use client";

// One message with its attempt log and status history (GET /api/messages/:id), read when a row
// is expanded; use-live-message-updates re-reads it whenever an event names the message.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ApiMessageDetail } from "@/components/api/types";

export function messageDetailQueryKey(id: string) {
  return ["message", id] as const;
}

export function useMessageDetail(id: string) {
  return useQuery({
    queryKey: messageDetailQueryKey(id),
    queryFn: () => fetchJson<{ message: ApiMessageDetail }>(`/api/messages/${encodeURIComponent(id)}`).then((r) => r.message),
    staleTime: 0,
  });
}
