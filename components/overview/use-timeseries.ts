"use client";

// The overview chart's per-minute history (GET /api/stats/timeseries): drawn from the server on
// first load, so a fresh tab shows the last hour, then kept current while the page is open: a
// sent, failed or delivered event refetches it (at most every 2 s), and a minute rolling over does.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import type { Timeseries } from "@/lib/queue/timeseries";

export type { Timeseries, TimeseriesPoint } from "@/lib/queue/timeseries";

const CHART_EVENTS = ["queue:message:sent", "queue:message:failed", "queue:message:dead_letter", "queue:message:delivered"] as const;

export function timeseriesQueryKey(clientId?: string) {
  return ["stats", "timeseries", clientId ?? null] as const;
}

export function useTimeseries(clientId?: string) {
  const queryKey = timeseriesQueryKey(clientId);
  const refetch = useThrottledRefetch(queryKey, 2_000);
  useBufferedLive(CHART_EVENTS, (heard) => {
    if (!clientId || heard.some(({ payload }) => payload.clientId === clientId)) refetch();
  }, 1_000);
  return useQuery({
    queryKey,
    queryFn: () => fetchJson<Timeseries>(`/api/stats/timeseries?hours=1${clientId ? `&clientId=${encodeURIComponent(clientId)}` : ""}`),
    refetchInterval: 60_000,
  });
}
