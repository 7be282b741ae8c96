"use client";

// Keeps the error list current from error:* events: a resolve, acknowledge or repeat is patched
// into the rows at once; a new, resolved or acknowledged entry makes the list refetch, batched
// to at most one per 250 ms.
// Returns the ids that arrived live, so the table can mark them for a moment.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { ApiErrorEntry } from "@/components/api/types";
import { ERROR_EVENTS } from "@/components/live/live-events";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import type { ErrorFilter } from "./error-filter";
import { errorsQueryKey, type ErrorListData } from "./use-error-list";

const FRESH_MS = 8_000;

/** Applies `patch` to the listed entries it has a change for, in every cached list. */
function patchEntries(queryClient: QueryClient, patch: Map<string, (e: ApiErrorEntry) => ApiErrorEntry>) {
  queryClient.setQueriesData<ErrorListData>({ queryKey: ["errors"] }, (data) =>
    data && {
      ...data,
      pages: data.pages.map((page) =>
        page.errors.some((e) => patch.has(e.id)) ? { ...page, errors: page.errors.map((e) => patch.get(e.id)?.(e) ?? e) } : page,
      ),
    },
  );
}

export function useLiveErrors(filter: ErrorFilter): ReadonlySet<string> {
  const queryClient = useQueryClient();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const refetch = useThrottledRefetch(errorsQueryKey(filter));
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  useBufferedLive(ERROR_EVENTS, (heard) => {
    const at = new Date().toISOString();
    const arrived: string[] = [];
    const patch = new Map<string, (e: ApiErrorEntry) => ApiErrorEntry>();
    const add = (id: string, change: (e: ApiErrorEntry) => ApiErrorEntry) => {
      const before = patch.get(id);
      patch.set(id, before ? (e) => change(before(e)) : change);
    };
    for (const { event, payload: p } of heard) {
      if (event === "error:resolved") add(p.id, (e) => ({ ...e, resolvedAt: e.resolvedAt ?? at, acknowledgedAt: e.acknowledgedAt ?? at }));
      else if (event === "error:acknowledged") add(p.id, (e) => ({ ...e, acknowledgedAt: e.acknowledgedAt ?? at }));
      // A repeat is not news: its row's count and last-seen time change in place, no highlight.
      else if (event === "error:repeated") {
        if (p.occurrences !== undefined) add(p.id, (e) => ({ ...e, occurrences: Math.max(e.occurrences, p.occurrences!), lastSeenAt: p.lastSeenAt ?? e.lastSeenAt, message: p.message }));
      }
      else if (!filter.clientId || p.clientId === filter.clientId) arrived.push(p.id);
    }
    if (patch.size > 0) patchEntries(queryClient, patch);
    if (arrived.length > 0) {
      setFresh((s) => new Set([...s, ...arrived]));
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setFresh((s) => new Set([...s].filter((id) => !arrived.includes(id))));
      }, FRESH_MS);
      timers.current.add(timer);
    }
    if (arrived.length > 0 || heard.some((h) => h.event === "error:resolved" || h.event === "error:acknowledged")) refetch();
  });

  return fresh;
}
