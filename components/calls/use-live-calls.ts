"use client";

// Keeps the calls list and its figures current from call:* events. A call's row changes
// (new, ended, analyzed) are few but come in bursts during busy hours: at most one refetch
// per second, never overlapping.
import { CALL_EVENTS } from "@/components/live/live-events";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import type { CallFilter } from "./call-filter";
import { callStatsQueryKey, callsQueryKey } from "./use-call-list";

export function useLiveCalls(filter: CallFilter) {
  const refetchList = useThrottledRefetch(callsQueryKey(filter), 1_000);
  const refetchStats = useThrottledRefetch(callStatsQueryKey(filter.clientId), 1_000);

  useBufferedLive(
    CALL_EVENTS,
    (heard) => {
      if (!heard.some(({ payload }) => !filter.clientId || payload.clientId === filter.clientId)) return;
      refetchList();
      refetchStats();
    },
    1_000,
  );
}
