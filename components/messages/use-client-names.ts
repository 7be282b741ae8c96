"use client";

// Client id → name for the table. Optional: without GET /api/clients the table shows ids.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { fetchJson } from "./fetch-json";

interface ClientSummary {
  id: string;
  name: string;
}

export function useClientNames(clientIds: readonly string[]): Map<string, string> {
  const queryClient = useQueryClient();
  const { data, isFetching } = useQuery({
    queryKey: ["clients"],
    queryFn: () => fetchJson<{ clients: ClientSummary[] }>("/api/clients"),
    staleTime: 60_000,
    retry: false,
  });
  const names = useMemo(() => new Map((data?.clients ?? []).map((c) => [c.id, c.name])), [data]);

  // A client created after the list was read shows up by id; ask once more for each newcomer.
  const askedAbout = useRef(new Set<string>());
  useEffect(() => {
    if (!data || isFetching) return;
    const unknown = clientIds.filter((id) => !names.has(id) && !askedAbout.current.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) askedAbout.current.add(id);
    void queryClient.invalidateQueries({ queryKey: ["clients"] });
  }, [clientIds, names, data, isFetching, queryClient]);

  return names;
}
