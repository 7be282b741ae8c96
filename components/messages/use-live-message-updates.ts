"use client";

// Keeps the messages lists in the React Query cache current from `queue:message:*` events.
// Events are buffered and applied together at most every 250 ms: rows already shown are patched
// in place (one cache write per flush, whatever the burst), a message that may have entered the
// list makes it refetch, and an open detail panel re-reads its message.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { MESSAGE_EVENTS, type MessageEventName, type MessageEventPayload } from "@/lib/realtime/contract";
import { useLive } from "@/components/live/socket-provider";
import { createThrottledInvalidator } from "@/components/live/throttled-invalidator";
import { tabStatuses, type MessageFilter } from "./message-filter";
import { messageDetailQueryKey } from "./use-message-detail";
import { patchMessage } from "@/components/live/patch-message";
import { messagesQueryKey, type MessageListData } from "./use-message-list";

const FLUSH_MS = 250;

interface Heard {
  name: MessageEventName;
  payload: MessageEventPayload;
}

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
  const { socket } = useLive();
  const { tab, clientId, channel, q, hours } = filter;

  useEffect(() => {
    if (!socket) return;
    const queryKey = messagesQueryKey({ tab, clientId, channel, q, hours });
    const invalidator = createThrottledInvalidator(queryClient, queryKey);
    const statusFilter = tabStatuses(tab);
    const inTab = (status: string) => !statusFilter || (statusFilter as readonly string[]).includes(status);
    let buffer: Heard[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastFlushAt = 0;

    const flush = () => {
      timer = undefined;
      lastFlushAt = Date.now();
      const heard = buffer;
      buffer = [];
      const shown = shownIds(queryClient.getQueryData<MessageListData>(queryKey));
      // A refetch already under way may have read the rows before these events: read again after.
      let refetch = queryClient.isFetching({ queryKey }) > 0;
      const latest = new Map<string, MessageEventPayload>();
      for (const { name, payload: p } of heard) {
        latest.set(p.messageId, p);
        if ((clientId && p.clientId !== clientId) || (channel && p.channel !== channel)) continue;
        if (shown.has(p.messageId)) refetch ||= !inTab(p.status);
        else refetch ||= statusFilter ? inTab(p.status) : name === "queued" || name === "retry";
      }
      patchCachedLists(queryClient, latest);
      for (const id of latest.keys()) {
        if (queryClient.getQueryState(messageDetailQueryKey(id))) void queryClient.invalidateQueries({ queryKey: messageDetailQueryKey(id) });
      }
      if (refetch) invalidator.request();
    };

    const subscriptions = MESSAGE_EVENTS.map((name) => {
      const event = `queue:message:${name}` as const;
      const handler = (payload: MessageEventPayload) => {
        buffer.push({ name, payload });
        timer ??= setTimeout(flush, Math.max(0, lastFlushAt + FLUSH_MS - Date.now()));
      };
      socket.on(event, handler);
      return () => void socket.off(event, handler);
    });
    return () => {
      for (const unsubscribe of subscriptions) unsubscribe();
      clearTimeout(timer);
      invalidator.dispose();
    };
  }, [socket, queryClient, tab, clientId, channel, q, hours]);
}
