"use client";

// Keeps the messages lists in the React Query cache current from `queue:message:*` events.
// Events are buffered and applied together at most every 250 ms: rows already shown are patched
// in place (one cache write per flush, whatever the burst), a message that may have entered the
// list makes it refetch, and an open detail panel re-reads its message.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { MessageEventPayload } from "@/lib/realtime/contract";
import { MESSAGE_EVENT_NAMES, messageEventName } from "@/components/live/live-events";
import { patchMessage } from "@/components/live/patch-message";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import { tabStatuses, type MessageFilter } from "./message-filter";
import { messageDetailQueryKey } from "./use-message-detail";
import { messagesQueryKey, type MessageListData } from "./use-message-list";

const FLUSH_MS = 250;

function shownIds(data: MessageListData | undefined): Set<string> {
  return new Set(data?.pages.flatMap((page) => page.messages.map((m) => m.id)) ?? []);
}

/** Patches every cached list (other tabs too) in one pass, keeping untouched pages as they were. */
function patchCachedLists(queryClient: QueryClient, latest: Map<string, MessageEventPayload>) {
  queryClient.setQueriesData<MessageListData>({ queryKey: ["messages"] }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.messages.some((m) => latest.has(m.id))) return page;
      changed = true;
      return { ...page, messages: page.messages.map((m) => (latest.has(m.id) ? patchMessage(m, latest.get(m.id)!) : m)) };
    });
    return changed ? { ...data, pages } : data;
  });
}

export function useLiveMessageUpdates(filter: MessageFilter) {
  const queryClient = useQueryClient();
  const queryKey = messagesQueryKey(filter);
  const refetchList = useThrottledRefetch(queryKey);

  useBufferedLive(
    MESSAGE_EVENT_NAMES,
    (heard) => {
      const { clientId, channel } = filter;
      const statusFilter = tabStatuses(filter.tab);
      const inTab = (status: string) => !statusFilter || (statusFilter as readonly string[]).includes(status);
      const shown = shownIds(queryClient.getQueryData<MessageListData>(queryKey));
      // A refetch already under way may have read the rows before these events: read again after.
      let refetch = queryClient.isFetching({ queryKey }) > 0;
      const latest = new Map<string, MessageEventPayload>();
      for (const { event, payload: p } of heard) {
        latest.set(p.messageId, p);
        if ((clientId && p.clientId !== clientId) || (channel && p.channel !== channel)) continue;
        const name = messageEventName(event);
        if (shown.has(p.messageId)) refetch ||= !inTab(p.status);
        else refetch ||= statusFilter ? inTab(p.status) : name === "queued" || name === "retry";
      }
      patchCachedLists(queryClient, latest);
      for (const id of latest.keys()) {
        if (queryClient.getQueryState(messageDetailQueryKey(id))) void queryClient.invalidateQueries({ queryKey: messageDetailQueryKey(id) });
      }
      if (refetch) refetchList();
    },
    FLUSH_MS,
  );
}
