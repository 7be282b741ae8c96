"use client";

// The nav's unread figure: the unread messages of every conversation the console may see
// (scoped to ?clientId= like the rest of the nav). The API has no count, so it sums the first
// page of `unread=true`; past that page it says "at least" (`more`). Refreshed, at most twice
// a second, whenever a conversation changes.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ConversationPage } from "@/components/api/types";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import { conversationsUrl } from "./inbox-filter";

const UNREAD_PAGE = 200;

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
    queryFn: async () => {
      const page = await fetchJson<ConversationPage>(conversationsUrl({ clientId, unread: true }, null, UNREAD_PAGE));
      return { total: page.conversations.reduce((n, c) => n + c.unreadCount, 0), more: page.nextCursor !== null };
    },
    retry: false,
  });
}
