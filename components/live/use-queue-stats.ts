"use client";

// GET /api/stats, kept current by the `queue:stats` event. An admin socket hears only the global
// figures, so a page scoped to one client refetches its own (at most once a second) whenever
// one of that client's messages moves.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { MESSAGE_EVENTS, type MessageEventPayload, type QueueStats, type ServerToClientEvents } from "@/lib/realtime/contract";
import { fetchJson } from "@/components/api/api-client";
import { useLive } from "./socket-provider";
import { createThrottledInvalidator } from "./throttled-invalidator";

export function statsQueryKey(clientId?: string) {
  return ["stats", clientId ?? null] as const;
}

export function useQueueStats(clientId?: string) {
  const queryClient = useQueryClient();
  const { socket } = useLive();
  const queryKey = statsQueryKey(clientId);

  useEffect(() => {
    if (!socket) return;
    const onStats: ServerToClientEvents["queue:stats"] = ({ clientId: scope, ...stats }) => {
      if ((scope ?? null) === (clientId ?? null)) queryClient.setQueryData<QueueStats>(statsQueryKey(clientId), stats);
    };
    socket.on("queue:stats", onStats);
    if (!clientId) {
      return () => {
        socket.off("queue:stats", onStats);
      };
    }
    const invalidator = createThrottledInvalidator(queryClient, statsQueryKey(clientId), 1_000);
    const onMessage = (p: MessageEventPayload) => {
      if (p.clientId === clientId) invalidator.request();
    };
    const events = MESSAGE_EVENTS.map((name) => `queue:message:${name}` as const);
    for (const event of events) socket.on(event, onMessage);
    return () => {
      socket.off("queue:stats", onStats);
      for (const event of events) socket.off(event, onMessage);
      invalidator.dispose();
    };
  }, [socket, clientId, queryClient]);

  return useQuery({
    queryKey,
    queryFn: () => fetchJson<QueueStats>(clientId ? `/api/stats?clientId=${encodeURIComponent(clientId)}` : "/api/stats"),
  });
}
