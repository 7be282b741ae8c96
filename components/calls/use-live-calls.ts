"use client";

// Keeps the calls list and its figures current from call:* events. A call's row changes
// (new, ended, analyzed) are few but come in bursts during busy hours: at most one refetch
// per second, never overlapping.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { CallEventPayload } from "@/lib/realtime/contract";
import { useLive } from "@/components/live/socket-provider";
import { createThrottledInvalidator } from "@/components/live/throttled-invalidator";
import type { CallFilter } from "./call-filter";
import { callStatsQueryKey, callsQueryKey } from "./use-call-list";

const CALL_EVENTS = ["call:started", "call:ended", "call:analyzed"] as const;

export function useLiveCalls(filter: CallFilter) {
  const queryClient = useQueryClient();
  const { socket } = useLive();
  const { clientId, status } = filter;

  useEffect(() => {
    if (!socket) return;
    const list = createThrottledInvalidator(queryClient, callsQueryKey({ clientId, status }), 1_000);
    const stats = createThrottledInvalidator(queryClient, callStatsQueryKey(clientId), 1_000);
    const onCall = (p: CallEventPayload) => {
      if (clientId && p.clientId !== clientId) return;
      list.request();
      stats.request();
    };
    for (const event of CALL_EVENTS) socket.on(event, onCall);
    return () => {
      for (const event of CALL_EVENTS) socket.off(event, onCall);
      list.dispose();
      stats.dispose();
    };
  }, [socket, queryClient, clientId, status]);
}
