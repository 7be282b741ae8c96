"use client";

// Client id → name for the table. Optional: without GET /api/clients the table shows ids.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { CLIENTS_QUERY_KEY, useClients } from "@/components/api/use-clients";

export function useClientNames(clientIds: readonly string[]): Map<string, string> {
  const queryClient = useQueryClient();
  const { data, isFetching, byId } = useClients();
  const names = useMemo(() => new Map([...byId].map(([id, c]) => [id, c.name])), [byId]);

  // A client created after the list was read shows up by id; ask once more for each newcomer.
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
