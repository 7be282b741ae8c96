"use client";

// GET /api/conversations/:id for the Inbox's header over a thread (and the call detail):
// refetched, at most once a second, when `conversation:updated` names it.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ConversationDetail } from "@/components/api/types";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";

export function conversationDetailKey(id: string) {
  return ["conversations", "detail", id] as const;
}

export function useConversationDetail(id: string) {
  const key = conversationDetailKey(id);
  const refetch = useThrottledRefetch(key, 1_000);
  useBufferedLive(["conversation:updated"], (heard) => {
    if (heard.some(({ payload }) => payload.id === id)) refetch();
  });
  return useQuery({ queryKey: key, queryFn: () => fetchJson<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`) });
}
