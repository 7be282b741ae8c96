"use client";

// GET /api/stats, kept current by the `queue:stats` event.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { QueueStats, ServerToClientEvents } from "@/lib/realtime/contract";
import { fetchJson } from "@/components/messages/fetch-json";
import { useLive } from "./socket-provider";

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
      // An admin socket hears the global figures (clientId null); a scoped page wants its own.
      if ((scope ?? null) === (clientId ?? null)) queryClient.setQueryData<QueueStats>(statsQueryKey(clientId), stats);
    };
    socket.on("queue:stats", onStats);
    return () => {
      socket.off("queue:stats", onStats);
    };
  }, [socket, clientId, queryClient]);

  return useQuery({
    queryKey,
    queryFn: () => fetchJson<QueueStats>(clientId ? `/api/stats?clientId=${encodeURIComponent(clientId)}` : "/api/stats"),
  });
}
