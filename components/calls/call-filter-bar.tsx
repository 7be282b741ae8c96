"use client";

// Status filter and the client scope; both live in the URL so a view can be shared or reloaded.
import Link from "next/link";
import { FilterBar, FilterChip } from "@/components/ui/filter-bar";
import { CALL_STATUSES, callsHref, type CallFilter } from "./call-filter";

const LABELS: Record<string, string> = { "": "All", ongoing: "Ongoing", ended: "Ended", analyzed: "Analyzed" };

export function CallFilterBar({ filter, clientName }: { filter: CallFilter; clientName?: string }) {
  return (
    <FilterBar>
      <nav aria-label="Call status" className="inline-flex rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
        {(["", ...CALL_STATUSES] as const).map((status) => {
          const active = (filter.status ?? "") === status;
          return (
            <Link
              key={status || "all"}
              href={callsHref({ ...filter, status: status || undefined })}
              aria-current={active ? "page" : undefined}
              className={`rounded-md px-3 py-1 text-sm font-medium transition ${
                active
                  ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white"
                  : "text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
              }`}
            >
              {LABELS[status]}
            </Link>
          );
        })}
      </nav>
      {filter.clientId && (
        <FilterChip href={callsHref({ ...filter, clientId: undefined })} title="Show every client">
          client {clientName ?? filter.clientId}
        </FilterChip>
      )}
    </FilterBar>
  );
}
