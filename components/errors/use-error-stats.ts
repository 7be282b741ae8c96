"use client";

// GET /api/errors/stats, refetched (at most every 500 ms) whenever an error:* event arrives.
// The nav badge uses it on every console page; the Errors page reads the same cache.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLive } from "@/components/live/socket-provider";
import { createThrottledInvalidator } from "@/components/live/throttled-invalidator";
import { fetchJson } from "@/components/api/api-client";
import type { ErrorStats } from "@/components/api/types";

export const ERROR_EVENTS = ["error:logged", "error:critical", "error:resolved", "error:acknowledged"] as const;

export function errorStatsQueryKey(clientId?: string) {
  return ["error-stats", clientId ?? null] as const;
}

export function useErrorStats(clientId?: string) {
  const queryClient = useQueryClient();
  const { socket } = useLive();

  useEffect(() => {
    if (!socket) return;
    const invalidator = createThrottledInvalidator(queryClient, errorStatsQueryKey(clientId), 500);
    const onEvent = () => invalidator.request();
    for (const event of ERROR_EVENTS) socket.on(event, onEvent);
    return () => {
      for (const event of ERROR_EVENTS) socket.off(event, onEvent);
      invalidator.dispose();
    };
  }, [socket, clientId, queryClient]);

  return useQuery({
    queryKey: errorStatsQueryKey(clientId),
    queryFn: () => fetchJson<ErrorStats>(clientId ? `/api/errors/stats?clientId=${encodeURIComponent(clientId)}` : "/api/errors/stats"),
  });
}
