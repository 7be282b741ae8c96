"use client";

// One call with its transcript, analysis and follow-ups, kept live: call:* events for this
// call refetch it (throttled); queue:message:* events for its follow-ups patch their status
// in place, so the badges move sent → delivered without a request.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { MessageEventPayload } from "@/lib/realtime/contract";
import { fetchJson } from "@/components/api/api-client";
import type { CallDetail } from "@/components/api/types";
import { CALL_EVENTS, MESSAGE_EVENT_NAMES } from "@/components/live/live-events";
import { patchMessage } from "@/components/live/patch-message";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";

export function callDetailQueryKey(callId: string) {
  return ["calls", "detail", callId] as const;
}

/** The call with the latest event of each of its follow-ups applied; the same object when none is its. */
function patchFollowUps(call: CallDetail, latest: Map<string, MessageEventPayload>): CallDetail {
  if (!call.messages.some((m) => latest.has(m.id))) return call;
  return { ...call, messages: call.messages.map((m) => (latest.has(m.id) ? patchMessage(m, latest.get(m.id)!) : m)) };
}

export function useCallDetail(callId: string) {
  const queryClient = useQueryClient();
  const queryKey = callDetailQueryKey(callId);
  const refetch = useThrottledRefetch(queryKey, 500);

  useBufferedLive(CALL_EVENTS, (heard) => {
    if (heard.some(({ payload }) => payload.callId === callId)) refetch();
  });
  useBufferedLive(MESSAGE_EVENT_NAMES, (heard) => {
    // An answer still on its way may predate these events: read the call once more after it.
    if (queryClient.isFetching({ queryKey }) > 0) refetch();
    const latest = new Map(heard.map(({ payload }) => [payload.messageId, payload]));
    const data = queryClient.getQueryData<{ call: CallDetail }>(queryKey);
    const call = data && patchFollowUps(data.call, latest);
    if (call && call !== data.call) queryClient.setQueryData<{ call: CallDetail }>(queryKey, { call });
  });

  return useQuery({
    queryKey,
    queryFn: () => fetchJson<{ call: CallDetail }>(`/api/calls/${encodeURIComponent(callId)}`),
    select: (data) => data.call,
  });
}
