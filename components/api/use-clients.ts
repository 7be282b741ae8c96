"use client";

// The clients the console may see (GET /api/clients), one query for every page: names for
// tables, time zones for the schedule, choices for the client filter and the compose form,
// and the clients page's list. GET /api/clients/:id for the client editor.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { fetchJson } from "./api-client";
import type { ApiClient } from "./types";

export const CLIENTS_QUERY_KEY = ["clients"] as const;

export function clientQueryKey(id: string) {
  return ["client", id] as const;
}

/**
 * `clients` is sorted by name for pickers and `byId` looks one up. The list is optional to
 * most pages (without it they show ids), so it is read once a minute and not retried; the
 * clients page, whose subject it is (`fresh`), reads it on arrival and retries like any query.
 */
export function useClients({ fresh = false }: { fresh?: boolean } = {}) {
  const query = useQuery({
    queryKey: CLIENTS_QUERY_KEY,
    queryFn: () => fetchJson<{ clients: ApiClient[] }>("/api/clients"),
    ...(fresh ? {} : { staleTime: 60_000, retry: false }),
  });
  const clients = useMemo(() => [...(query.data?.clients ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [query.data]);
  const byId = useMemo(() => new Map(clients.map((c) => [c.id, c])), [clients]);
  return { ...query, clients, byId };
}

/** Client id → name for a table. A client created after the list was read is asked about once more. */
export function useClientNames(clientIds: readonly string[]): Map<string, string> {
  const queryClient = useQueryClient();
  const { data, isFetching, byId } = useClients();
  const names = useMemo(() => new Map([...byId].map(([id, c]) => [id, c.name])), [byId]);

  const askedAbout = useRef(new Set<string>());
  useEffect(() => {
    if (!data || isFetching) return;
    const unknown = clientIds.filter((id) => !names.has(id) && !askedAbout.current.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) askedAbout.current.add(id);
    void queryClient.invalidateQueries({ queryKey: CLIENTS_QUERY_KEY });
  }, [clientIds, names, data, isFetching, queryClient]);

  return names;
}

export function useClient(id: string) {
  return useQuery({
    queryKey: clientQueryKey(id),
    queryFn: () => fetchJson<{ client: ApiClient }>(`/api/clients/${encodeURIComponent(id)}`),
    select: (data) => data.client,
    // Refetching while someone edits is pointless: the sections keep their own drafts.
    refetchOnWindowFocus: false,
  });
}
