"use client";

// The calls list for one filter, newest first, a page at a time; and the figures above it.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { CallPage, CallStats } from "@/components/api/types";
import type { CallFilter } from "./call-filter";

export const CALL_PAGE_SIZE = 50;

/** Every calls key starts with "calls", so one prefix reaches the lists and the stats. */
export function callsQueryKey(filter: CallFilter) {
  return ["calls", "list", filter.clientId ?? null, filter.status ?? null] as const;
}

export function callStatsQueryKey(clientId?: string) {
  return ["calls", "stats", clientId ?? null] as const;
}

function listUrl(filter: CallFilter, cursor: string | null): string {
  const params = new URLSearchParams();
  if (filter.clientId) params.set("clientId", filter.clientId);
  if (filter.status) params.set("status", filter.status);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(CALL_PAGE_SIZE));
  return `/api/calls?${params}`;
}

export function useCallList(filter: CallFilter) {
  return useInfiniteQuery({
    queryKey: callsQueryKey(filter),
    queryFn: ({ pageParam }) => fetchJson<CallPage>(listUrl(filter, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

export function useCallStats(clientId?: string) {
  return useQuery({
    queryKey: callStatsQueryKey(clientId),
    queryFn: () => fetchJson<CallStats>(clientId ? `/api/calls/stats?clientId=${encodeURIComponent(clientId)}` : "/api/calls/stats"),
  });
}
