"use client";

// The Inbox's list for one filter, newest activity first, a page at a time, kept current by
// `conversation:updated`: the conversation moves to its place (place-conversation.ts) in the
// cache at once, without a refetch; so does a conversation the thread has just marked read. A search cannot be judged in the browser, so a searched
// list is refetched (at most once a second) instead. The server announces every change of a
// conversation's last message, ours included (API sends, follow-ups, ticks:
// lib/realtime/conversation-announcer.ts), so this one event is all the list listens to.
import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ApiConversation, ConversationPage } from "@/components/api/types";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import { conversationsUrl, type InboxFilter } from "./inbox-filter";
import { placeConversation } from "./place-conversation";

export const CONVERSATION_PAGE_SIZE = 30;
const CONVERSATION_EVENTS = ["conversation:updated"] as const;

/** Every conversation key starts with "conversations": one prefix reaches lists and the unread total. */
export function conversationListKey(filter: InboxFilter) {
  return ["conversations", "list", filter.clientId ?? null, filter.channel ?? null, filter.unread ?? false, filter.q ?? null] as const;
}

export function useConversationList(filter: InboxFilter) {
  return useInfiniteQuery({
    queryKey: conversationListKey(filter),
    queryFn: ({ pageParam }) => fetchJson<ConversationPage>(conversationsUrl(filter, pageParam, CONVERSATION_PAGE_SIZE)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

/** Whether a conversation, as it is now, belongs in the list; the open one stays in "unread only" once read. */
export function belongsToList(filter: InboxFilter, c: ApiConversation, openId?: string): boolean {
  if (filter.clientId && c.clientId !== filter.clientId) return false;
  if (filter.channel && c.channel !== filter.channel) return false;
  if (filter.unread && c.unreadCount === 0 && c.id !== openId) return false;
  return true;
}

export function useLiveConversationList(filter: InboxFilter, openId?: string) {
  const queryClient = useQueryClient();
  const key = conversationListKey(filter);
  const refetch = useThrottledRefetch(key, 1_000);
  useBufferedLive(
    CONVERSATION_EVENTS,
    (heard) => {
      for (const { payload } of heard) {
        const conversation = payload as ApiConversation;
        if (filter.clientId && conversation.clientId !== filter.clientId) continue;
        if (filter.q) {
          refetch();
          continue;
        }
        queryClient.setQueryData<InfiniteData<ConversationPage>>(key, (data) =>
          data && (placeConversation(data, conversation, belongsToList(filter, conversation, openId)) as InfiniteData<ConversationPage>),
        );
        // A read under way may have begun before this change and would undo it when it answers.
        if (queryClient.isFetching({ queryKey: key }) > 0) refetch();
      }
    },
    100,
  );
}
