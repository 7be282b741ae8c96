"use client";

// GET /api/stats, kept current by the `queue:stats` event. An admin socket hears only the global
// figures, so a page scoped to one client refetches its own (at most once a second) whenever
// one of that client's messages moves.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueueStats } from "@/lib/realtime/contract";
import { fetchJson } from "@/components/api/api-client";
import { MESSAGE_EVENT_NAMES } from "./live-events";
import { useThrottledRefetch } from "./throttled-invalidator";
import { useBufferedLive } from "./use-buffered-live";

const STATS_EVENTS = ["queue:stats"] as const;
const NONE: typeof MESSAGE_EVENT_NAMES = [];

export function statsQueryKey(clientId?: string) {
  return ["stats", clientId ?? null] as const;
}

export function useQueueStats(clientId?: string) {
  const queryClient = useQueryClient();
  const queryKey = statsQueryKey(clientId);
  const refetch = useThrottledRefetch(queryKey, 1_000);

  useBufferedLive(STATS_EVENTS, (heard) => {
    // The newest figures for this page's scope win; older ones in the same batch are stale.
    const mine = heard.findLast(({ payload }) => (payload.clientId ?? null) === (clientId ?? null));
    if (!mine) return;
    const { clientId: _scope, ...stats } = mine.payload;
    queryClient.setQueryData<QueueStats>(queryKey, stats);
  });
  useBufferedLive(clientId ? MESSAGE_EVENT_NAMES : NONE, (heard) => {
    if (heard.some(({ payload }) => payload.clientId === clientId)) refetch();
  }, 1_000);

  return useQuery({
    queryKey,
    queryFn: () => fetchJson<QueueStats>(clientId ? `/api/stats?clientId=${encodeURIComponent(clientId)}` : "/api/stats"),
  });
}
