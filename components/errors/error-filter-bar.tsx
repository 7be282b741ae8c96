"use client";

// Every filter lives in the URL, so a filtered view can be shared, reloaded or linked from an alert.
import { useRouter } from "next/navigation";
import type { ErrorStats } from "@/components/api/types";
import { useClients } from "@/components/api/use-clients";
import { FilterBar, FilterChip, FilterSelect as Select, SearchField } from "@/components/ui/filter-bar";
import { errorsHref, SEVERITIES, SINCE_OPTIONS, type ErrorFilter } from "./error-filter";

const SINCE_LABELS: Record<string, string> = { "1h": "Last hour", "6h": "Last 6 hours", "24h": "Last 24 hours", "7d": "Last 7 days" };

/** The known values for a select, keeping the current one even when the stats do not list it. */
function known(counts: Record<string, number> | undefined, current: string | undefined, all: string): [string, string][] {
  const names = new Set(Object.keys(counts ?? {}));
  if (current) names.add(current);
  return [["", all], ...[...names].sort().map((n): [string, string] => [n, counts?.[n] !== undefined ? `${n} (${counts[n]})` : n])];
}

export function ErrorFilterBar({ filter, stats }: { filter: ErrorFilter; stats?: ErrorStats }) {
  const router = useRouter();
  const go = (patch: Partial<ErrorFilter>) => router.push(errorsHref({ ...filter, ...patch }));
  const { byId } = useClients();

  return (
    <FilterBar>
      <Select id="error-since" label="Time" value={filter.since} onChange={(v) => go({ since: v as ErrorFilter["since"] })} options={[["", "Any time"], ...SINCE_OPTIONS.map((s): [string, string] => [s, SINCE_LABELS[s]!])]} />
      <Select id="error-severity" label="Severity" value={filter.severity} onChange={(v) => go({ severity: v as ErrorFilter["severity"] })} options={[["", "All severities"], ...SEVERITIES.map((s): [string, string] => [s, s])]} />
      <Select id="error-service" label="Service" value={filter.service} onChange={(v) => go({ service: v })} options={known(stats?.byService, filter.service, "All services")} />
      <Select id="error-type" label="Type" value={filter.type} onChange={(v) => go({ type: v })} options={known(stats?.byType, filter.type, "All types")} />
      <Select id="error-resolved" label="State" value={filter.resolved} onChange={(v) => go({ resolved: v as ErrorFilter["resolved"] })} options={[["", "Open and resolved"], ["false", "Unresolved"], ["true", "Resolved"]]} />
      <Select id="error-sort" label="Sort" value={filter.sort} onChange={(v) => go({ sort: v as ErrorFilter["sort"] })} options={[["", "Newest first"], ["severity", "Most severe first"]]} />
      <SearchField key={filter.q ?? ""} id="error-search" label="Search" value={filter.q} placeholder="Search messages" onSubmit={(q) => go({ q })} className="w-full sm:min-w-64 sm:flex-1" />
      {filter.clientId && <FilterChip href={errorsHref({ ...filter, clientId: undefined })} title="Show every client">client {byId.get(filter.clientId)?.name ?? filter.clientId}</FilterChip>}
    </FilterBar>
  );
}
