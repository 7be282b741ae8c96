"use client";

// The nav's unread figure: the unread replies of every conversation the console may see
// (scoped to ?clientId= like the rest of the nav), counted by GET /api/conversations/unread.
// Refreshed, at most twice a second, whenever a conversation changes.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";

export function unreadTotalKey(clientId?: string) {
  return ["conversations", "unread-total", clientId ?? null] as const;
}

export function useUnreadTotal(clientId?: string) {
  const key = unreadTotalKey(clientId);
  const refetch = useThrottledRefetch(key, 500);
  useBufferedLive(["conversation:updated"], (heard) => {
    if (heard.some(({ payload }) => !clientId || payload.clientId === clientId)) refetch();
  });
  return useQuery({
    queryKey: key,
    queryFn: () => fetchJson<{ conversations: number; messages: number }>(`/api/conversations/unread${clientId ? `?clientId=${encodeURIComponent(clientId)}` : ""}`),
    retry: false,
  });
}
