"use client";

// Keeps the messages list in the React Query cache current from `queue:message:*` events.
// A row already shown is patched in place; a message that may have entered the list makes the
// list refetch, batched so a burst of events costs at most one refetch per 250 ms.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { MESSAGE_EVENTS, type MessageEventName, type MessageEventPayload } from "@/lib/realtime/contract";
import { useLive } from "@/components/live/socket-provider";
import { createThrottledInvalidator } from "@/components/live/throttled-invalidator";
import { tabStatus, type ApiMessage, type MessageFilter } from "./message-types";
import { messagesQueryKey, type MessageListData } from "./use-message-list";

function patchMessage(m: ApiMessage, p: MessageEventPayload): ApiMessage {
  return {
    ...m,
    status: p.status,
    attempts: p.attempts,
    provider: p.provider ?? m.provider,
    lastError: p.error !== undefined ? p.error : m.lastError,
    nextAttemptAt: p.nextAttemptAt !== undefined ? p.nextAttemptAt : m.nextAttemptAt,
  };
}

function listHas(data: MessageListData | undefined, id: string): boolean {
  return !!data?.pages.some((page) => page.messages.some((m) => m.id === id));
}

/** Patches the message wherever a cached list shows it (other tabs too), keeping untouched pages as they were. */
function patchCachedLists(queryClient: QueryClient, p: MessageEventPayload) {
  queryClient.setQueriesData<MessageListData>({ queryKey: ["messages"] }, (data) => {
    if (!data || !listHas(data, p.messageId)) return data;
    return {
      ...data,
      pages: data.pages.map((page) =>
        page.messages.some((m) => m.id === p.messageId)
          ? { ...page, messages: page.messages.map((m) => (m.id === p.messageId ? patchMessage(m, p) : m)) }
          : page,
      ),
    };
  });
}

export function useLiveMessageUpdates(filter: MessageFilter) {
  const queryClient = useQueryClient();
  const { socket } = useLive();
  const { tab, clientId, channel, q } = filter;

  useEffect(() => {
    if (!socket) return;
    const queryKey = messagesQueryKey({ tab, clientId, channel, q });
    const invalidator = createThrottledInvalidator(queryClient, queryKey);
    const statusFilter = tabStatus(tab);

    const onEvent = (name: MessageEventName, p: MessageEventPayload) => {
      const shown = listHas(queryClient.getQueryData<MessageListData>(queryKey), p.messageId);
      patchCachedLists(queryClient, p);
      if ((clientId && p.clientId !== clientId) || (channel && p.channel !== channel)) return;
      // A refetch already under way may have read the row before this event: read it again after.
      const fetching = queryClient.isFetching({ queryKey }) > 0;
      if (shown) {
        if (fetching || (statusFilter && p.status !== statusFilter)) invalidator.request();
        return;
      }
      const entersView = statusFilter ? p.status === statusFilter : name === "queued" || name === "retry";
      if (entersView || fetching) invalidator.request();
    };

    const subscriptions = MESSAGE_EVENTS.map((name) => {
      const event = `queue:message:${name}` as const;
      const handler = (p: MessageEventPayload) => onEvent(name, p);
      socket.on(event, handler);
      return () => void socket.off(event, handler);
    });
    return () => {
      for (const unsubscribe of subscriptions) unsubscribe();
      invalidator.dispose();
    };
  }, [socket, queryClient, tab, clientId, channel, q]);
}
