"use client";

// The error log for one filter, a page at a time.
import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ErrorPage } from "@/components/api/types";
import { filterParams, type ErrorFilter } from "./error-filter";

export const PAGE_SIZE = 50;

export type ErrorListData = InfiniteData<ErrorPage, string | null>;

/** Every list key starts with "errors", so one prefix reaches all of them. */
export function errorsQueryKey(filter: ErrorFilter) {
  return ["errors", filterParams(filter).toString()] as const;
}

export function useErrorList(filter: ErrorFilter) {
  return useInfiniteQuery({
    queryKey: errorsQueryKey(filter),
    queryFn: ({ pageParam }) => {
      const params = filterParams(filter);
      if (pageParam) params.set("cursor", pageParam);
      params.set("limit", String(PAGE_SIZE));
      return fetchJson<ErrorPage>(`/api/errors?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}
