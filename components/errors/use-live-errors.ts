"use client";

// Keeps the error list current from error:* events: a resolve, acknowledge or repeat is patched
// into the rows at once; a new, resolved or acknowledged entry makes the list refetch, batched
// to at most one per 250 ms.
// Returns the ids that arrived live, so the table can mark them for a moment.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ErrorEventPayload } from "@/lib/realtime/contract";
import { useLive } from "@/components/live/socket-provider";
import { createThrottledInvalidator } from "@/components/live/throttled-invalidator";
import type { ApiErrorEntry, ErrorFilter } from "./error-types";
import { errorsQueryKey, type ErrorListData } from "./use-error-list";

const FRESH_MS = 8_000;

function patchEntry(queryClient: QueryClient, id: string, patch: (e: ApiErrorEntry) => ApiErrorEntry) {
  queryClient.setQueriesData<ErrorListData>({ queryKey: ["errors"] }, (data) =>
    data && {
      ...data,
      pages: data.pages.map((page) => (page.errors.some((e) => e.id === id) ? { ...page, errors: page.errors.map((e) => (e.id === id ? patch(e) : e)) } : page)),
    },
  );
}

export function useLiveErrors(filter: ErrorFilter): ReadonlySet<string> {
  const queryClient = useQueryClient();
  const { socket } = useLive();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const key = errorsQueryKey(filter)[1];

  useEffect(() => {
    if (!socket) return;
    const invalidator = createThrottledInvalidator(queryClient, ["errors", key]);
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const onNew = (p: ErrorEventPayload) => {
      if (filter.clientId && p.clientId !== filter.clientId) return;
      setFresh((s) => new Set(s).add(p.id));
      const timer = setTimeout(() => {
        timers.delete(timer);
        setFresh((s) => {
          const next = new Set(s);
          next.delete(p.id);
          return next;
        });
      }, FRESH_MS);
      timers.add(timer);
      invalidator.request();
    };
    const onResolved = (p: ErrorEventPayload) => {
      const at = new Date().toISOString();
      patchEntry(queryClient, p.id, (e) => ({ ...e, resolvedAt: e.resolvedAt ?? at, acknowledgedAt: e.acknowledgedAt ?? at }));
      invalidator.request();
    };
    // A repeat is not news: its row's count and last-seen time change in place, no highlight.
    const onRepeated = (p: ErrorEventPayload) => {
      if (p.occurrences === undefined) return;
      patchEntry(queryClient, p.id, (e) => ({ ...e, occurrences: Math.max(e.occurrences, p.occurrences!), lastSeenAt: p.lastSeenAt ?? e.lastSeenAt, message: p.message }));
    };
    const onAcknowledged = (p: ErrorEventPayload) => {
      patchEntry(queryClient, p.id, (e) => ({ ...e, acknowledgedAt: e.acknowledgedAt ?? new Date().toISOString() }));
      invalidator.request();
    };
    socket.on("error:logged", onNew);
    socket.on("error:critical", onNew);
    socket.on("error:resolved", onResolved);
    socket.on("error:acknowledged", onAcknowledged);
    socket.on("error:repeated", onRepeated);
    return () => {
      socket.off("error:logged", onNew);
      socket.off("error:critical", onNew);
      socket.off("error:resolved", onResolved);
      socket.off("error:acknowledged", onAcknowledged);
      socket.off("error:repeated", onRepeated);
      invalidator.dispose();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [socket, queryClient, key, filter.clientId]);

  return fresh;
}
