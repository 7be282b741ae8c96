"use client";

// The newest calls (GET /api/calls?limit=5), re-read at most once a second when a call:* event arrives.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLive } from "@/components/live/socket-provider";
import { createThrottledInvalidator } from "@/components/live/throttled-invalidator";
import { fetchJson } from "@/components/api/api-client";
import type { ApiCall } from "@/components/api/types";
import { callsUrl } from "./calls-url";

export const CALL_EVENTS = ["call:started", "call:ended", "call:analyzed"] as const;

export function useRecentCalls(clientId?: string, limit = 5) {
  const queryClient = useQueryClient();
  const { socket } = useLive();
  const queryKey = ["calls", "recent", clientId ?? null, limit] as const;

  useEffect(() => {
    if (!socket) return;
    const invalidator = createThrottledInvalidator(queryClient, ["calls", "recent", clientId ?? null, limit], 1_000);
    const onCall = (p: { clientId: string }) => {
      if (!clientId || p.clientId === clientId) invalidator.request();
    };
    for (const event of CALL_EVENTS) socket.on(event, onCall);
    return () => {
      for (const event of CALL_EVENTS) socket.off(event, onCall);
      invalidator.dispose();
    };
  }, [socket, clientId, limit, queryClient]);

  return useQuery({
    queryKey,
    queryFn: () => fetchJson<{ calls: ApiCall[] }>(callsUrl({ limit: String(limit), clientId })).then((r) => r.calls),
  });
}
