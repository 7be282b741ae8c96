"use client";

// GET /api/errors/stats, refetched (at most every 500 ms) whenever an error:* event arrives.
// The nav badge uses it on every console page; the Errors page reads the same cache.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ErrorStats } from "@/components/api/types";
import { ERROR_EVENTS } from "@/components/live/live-events";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";

export function errorStatsQueryKey(clientId?: string) {
  return ["error-stats", clientId ?? null] as const;
}

export function useErrorStats(clientId?: string) {
  const queryKey = errorStatsQueryKey(clientId);
  const refetch = useThrottledRefetch(queryKey, 500);
  useBufferedLive(ERROR_EVENTS, refetch, 500);

  return useQuery({
    queryKey,
    queryFn: () => fetchJson<ErrorStats>(clientId ? `/api/errors/stats?clientId=${encodeURIComponent(clientId)}` : "/api/errors/stats"),
  });
}
