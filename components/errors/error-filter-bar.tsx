"use client";

// Every filter lives in the URL, so a filtered view can be shared, reloaded or linked from an alert.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ErrorStats } from "@/components/api/types";
import { FILTER_INPUT } from "@/components/ui/client-filter";
import { errorsHref, SEVERITIES, SINCE_OPTIONS, type ErrorFilter } from "./error-filter";

const SINCE_LABELS: Record<string, string> = { "1h": "Last hour", "6h": "Last 6 hours", "24h": "Last 24 hours", "7d": "Last 7 days" };

interface SelectProps {
  id: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string | undefined) => void;
}

function Select({ id, label, value, options, onChange }: SelectProps) {
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)} className={FILTER_INPUT}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

/** The known values for a select, keeping the current one even when the stats do not list it. */
function known(counts: Record<string, number> | undefined, current: string | undefined, all: string): [string, string][] {
  const names = new Set(Object.keys(counts ?? {}));
  if (current) names.add(current);
  return [["", all], ...[...names].sort().map((n): [string, string] => [n, counts?.[n] !== undefined ? `${n} (${counts[n]})` : n])];
}

export function ErrorFilterBar({ filter, stats }: { filter: ErrorFilter; stats?: ErrorStats }) {
  const router = useRouter();
  const [q, setQ] = useState(filter.q ?? "");
  const go = (patch: Partial<ErrorFilter>) => router.push(errorsHref({ ...filter, ...patch }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: q.trim() || undefined });
  };

  return (
    <form role="search" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <Select id="error-since" label="Time" value={filter.since} onChange={(v) => go({ since: v as ErrorFilter["since"] })} options={[["", "Any time"], ...SINCE_OPTIONS.map((s): [string, string] => [s, SINCE_LABELS[s]!])]} />
      <Select id="error-severity" label="Severity" value={filter.severity} onChange={(v) => go({ severity: v as ErrorFilter["severity"] })} options={[["", "All severities"], ...SEVERITIES.map((s): [string, string] => [s, s])]} />
      <Select id="error-service" label="Service" value={filter.service} onChange={(v) => go({ service: v })} options={known(stats?.byService, filter.service, "All services")} />
      <Select id="error-type" label="Type" value={filter.type} onChange={(v) => go({ type: v })} options={known(stats?.byType, filter.type, "All types")} />
      <Select id="error-resolved" label="State" value={filter.resolved} onChange={(v) => go({ resolved: v as ErrorFilter["resolved"] })} options={[["", "Open and resolved"], ["false", "Unresolved"], ["true", "Resolved"]]} />
      <Select id="error-sort" label="Sort" value={filter.sort} onChange={(v) => go({ sort: v as ErrorFilter["sort"] })} options={[["", "Newest first"], ["severity", "Most severe first"]]} />
      <div className="flex min-w-64 flex-1 gap-2">
        <label className="sr-only" htmlFor="error-search">
          Search
        </label>
        <input id="error-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search messages" className={`${FILTER_INPUT} min-w-0 flex-1`} />
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white">
          Search
        </button>
      </div>
      {filter.clientId && (
        <Link
          href={errorsHref({ ...filter, clientId: undefined })}
          className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2.5 py-1 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800"
          title="Show every client"
        >
          client {filter.clientId} <span aria-hidden>×</span>
        </Link>
      )}
    </form>
  );
}
