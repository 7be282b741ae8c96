"use client";

// GET /api/clients (shares its cache with the client names of the other pages) and GET /api/clients/:id.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ApiClient } from "@/components/api/types";

export const CLIENTS_QUERY_KEY = ["clients"] as const;

export function clientQueryKey(id: string) {
  return ["client", id] as const;
}

export function useClients() {
  return useQuery({
    queryKey: CLIENTS_QUERY_KEY,
    queryFn: () => fetchJson<{ clients: ApiClient[] }>("/api/clients"),
    select: (data) => data.clients,
  });
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
