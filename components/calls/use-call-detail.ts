"use client";

// One call with its transcript, analysis and follow-ups, kept live: call:* events for this
// call refetch it (throttled); queue:message:* events for its follow-ups patch their status
// in place, so the badges move sent → delivered without a request.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { MESSAGE_EVENTS, type CallEventPayload, type MessageEventPayload } from "@/lib/realtime/contract";
import { useLive } from "@/components/live/socket-provider";
import { createThrottledInvalidator } from "@/components/live/throttled-invalidator";
import { fetchJson } from "@/components/api/api-client";
import { patchMessage } from "@/components/live/patch-message";
import type { CallDetail } from "@/components/api/types";

const CALL_EVENTS = ["call:started", "call:ended", "call:analyzed"] as const;

export function callDetailQueryKey(callId: string) {
  return ["calls", "detail", callId] as const;
}

function patchFollowUp(call: CallDetail, p: MessageEventPayload): CallDetail {
  if (!call.messages.some((m) => m.id === p.messageId)) return call;
  return {
    ...call,
    messages: call.messages.map((m) => (m.id === p.messageId ? patchMessage(m, p) : m)),
  };
}

export function useCallDetail(callId: string) {
  const queryClient = useQueryClient();
  const { socket } = useLive();
  const queryKey = callDetailQueryKey(callId);

  useEffect(() => {
    if (!socket) return;
    const key = callDetailQueryKey(callId);
    const refetch = createThrottledInvalidator(queryClient, key, 500);
    const onCall = (p: CallEventPayload) => {
      if (p.callId === callId) refetch.request();
    };
    const onMessage = (p: MessageEventPayload) => {
      // An answer still on its way may predate this event: read the call once more after it.
      if (queryClient.isFetching({ queryKey: key }) > 0) refetch.request();
      const call = queryClient.getQueryData<{ call: CallDetail }>(key)?.call;
      if (!call?.messages.some((m) => m.id === p.messageId)) return;
      queryClient.setQueryData<{ call: CallDetail }>(key, (data) => data && { call: patchFollowUp(data.call, p) });
    };
    for (const event of CALL_EVENTS) socket.on(event, onCall);
    const messageEvents = MESSAGE_EVENTS.map((name) => `queue:message:${name}` as const);
    for (const event of messageEvents) socket.on(event, onMessage);
    return () => {
      for (const event of CALL_EVENTS) socket.off(event, onCall);
      for (const event of messageEvents) socket.off(event, onMessage);
      refetch.dispose();
    };
  }, [socket, queryClient, callId]);

  return useQuery({
    queryKey,
    queryFn: () => fetchJson<{ call: CallDetail }>(`/api/calls/${encodeURIComponent(callId)}`),
    select: (data) => data.call,
  });
}
