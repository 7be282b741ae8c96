"use client";

// GET /api/health every 10 s. A 503 still carries the body (the database is down), so it is read.
import { useQuery } from "@tanstack/react-query";
import { toApiError } from "@/components/api/api-client";

export interface ProviderHealth {
  status: string;
  channels?: string[];
  breaker: { state: string; failures: number; openedAt: string | null } | null;
}

export interface Health {
  status: string;
  db: string;
  worker: { running: boolean; lastTickAt: string | null };
  providers: Record<string, ProviderHealth>;
}

async function fetchHealth(): Promise<Health> {
  const res = await fetch("/api/health", { headers: { Accept: "application/json" }, cache: "no-store" });
  if (res.ok || res.status === 503) return (await res.json()) as Health;
  throw await toApiError(res);
}

export function useHealth() {
  return useQuery({ queryKey: ["health"], queryFn: fetchHealth, refetchInterval: 10_000, staleTime: 5_000 });
}
