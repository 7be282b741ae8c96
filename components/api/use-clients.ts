"use client";

// The clients the console may see (GET /api/clients): names for tables, time zones for the
// schedule, choices for the client filter and the compose form. Optional everywhere: without
// the list, pages show ids.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchJson } from "./api-client";

export interface ClientSummary {
  id: string;
  name: string;
  timezone: string;
}

export const CLIENTS_QUERY_KEY = ["clients"] as const;

export function useClients() {
  const query = useQuery({
    queryKey: CLIENTS_QUERY_KEY,
    queryFn: () => fetchJson<{ clients: ClientSummary[] }>("/api/clients"),
    staleTime: 60_000,
    retry: false,
  });
  const clients = useMemo(() => [...(query.data?.clients ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [query.data]);
  const byId = useMemo(() => new Map(clients.map((c) => [c.id, c])), [clients]);
  return { ...query, clients, byId };
}
