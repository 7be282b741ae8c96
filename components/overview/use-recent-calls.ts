"use client";

// The newest calls (GET /api/calls?limit=5), re-read at most once a second when a call:* event arrives.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ApiCall } from "@/components/api/types";
import { CALL_EVENTS } from "@/components/live/live-events";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import { callsUrl } from "./calls-url";

export function useRecentCalls(clientId?: string, limit = 5) {
  const queryKey = ["calls", "recent", clientId ?? null, limit] as const;
  const refetch = useThrottledRefetch(queryKey, 1_000);

  useBufferedLive(
    CALL_EVENTS,
    (heard) => {
      if (heard.some(({ payload }) => !clientId || payload.clientId === clientId)) refetch();
    },
    1_000,
  );

  return useQuery({
    queryKey,
    queryFn: () => fetchJson<{ calls: ApiCall[] }>(callsUrl({ limit: String(limit), clientId })).then((r) => r.calls),
  });
}
