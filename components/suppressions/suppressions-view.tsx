"use client";

// The Suppressions page: who may not be messaged (per client and channel), search, add,
// lift, and the audit trail of every change with who made it and why.
import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import { useClientNames } from "@/components/api/use-clients";
import { ClientFilter, FILTER_INPUT } from "@/components/ui/client-filter";
import { DataTable, srOnly } from "@/components/ui/data-table";
import { ErrorNotice } from "@/components/ui/error-notice";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { AddSuppressionForm, SUPPRESSIONS_KEY } from "./add-suppression-form";
import { SuppressionRow } from "./suppression-row";
import { CHANNEL_LABELS, changeLine, type SuppressionList } from "./types";
import { PageHeader } from "@/components/ui/page-header";

const COLUMNS = [
  { key: "address", label: "Phone or email" },
  { key: "client", label: "Client" },
  { key: "channel", label: "Channel" },
  { key: "reason", label: "Why" },
  { key: "since", label: "Since" },
  { key: "actions", label: srOnly("Actions") },
];

export function SuppressionsView({ clientId }: { clientId?: string }) {
  const [q, setQ] = useState("");
  const now = useNow();
  const params = new URLSearchParams({ ...(clientId ? { clientId } : {}), ...(q.trim() ? { q: q.trim() } : {}) });
  const list = useQuery({
    queryKey: [...SUPPRESSIONS_KEY, clientId ?? "", q.trim()],
    queryFn: () => fetchJson<SuppressionList>(`/api/suppressions?${params}`),
  });
  const items = list.data?.items ?? [];
  const ids = useMemo(() => [...new Set([...(list.data?.items ?? []), ...(list.data?.history ?? [])].map((s) => s.clientId))], [list.data]);
  const names = useClientNames(ids);

  return (
    <div className="space-y-4">
      <PageHeader
        title="Suppressions"
        description="People who must not be messaged: they replied STOP, unsubscribed from an email, or someone added them here. Herald never sends to them on that channel (STOP gets its one confirmation)."
      />

      <AddSuppressionForm key={clientId ?? ""} clientId={clientId} />

      <div className="flex flex-wrap items-center gap-2">
        <ClientFilter clientId={clientId} hrefFor={(id) => (id ? `/suppressions?clientId=${encodeURIComponent(id)}` : "/suppressions")} />
        <label className="sr-only" htmlFor="suppression-search">Search</label>
        <input id="suppression-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search a number, an email or a reason" className={`${FILTER_INPUT} w-72 max-w-full`} />
        {list.data && <span className="text-sm text-slate-500">{list.data.total} suppressed</span>}
      </div>

      {list.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading suppressions…</p>
      ) : list.isError ? (
        <ErrorNotice what="suppressions" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-12 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          {q ? "No suppression matches that search." : "Nobody is suppressed. Everyone who replies STOP or unsubscribes appears here."}
        </div>
      ) : (
        <DataTable columns={COLUMNS}>
          {items.map((s) => (
            <SuppressionRow key={s.id} s={s} clientName={names.get(s.clientId) ?? s.clientId} now={now} />
          ))}
        </DataTable>
      )}

      {!!list.data?.history.length && (
        <section aria-labelledby="suppression-history" className="space-y-2">
          <h2 id="suppression-history" className="text-sm font-semibold">Recent changes</h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {list.data.history.slice(0, 20).map((c) => (
              <li key={c.id} data-testid="history-line" className="flex flex-wrap gap-x-2 px-3 py-2">
                <span className="font-mono text-xs">{c.address}</span>
                <span className="text-slate-500">{CHANNEL_LABELS[c.channel] ?? c.channel} · {names.get(c.clientId) ?? c.clientId}</span>
                <span>{changeLine(c)}</span>
                <span className="text-slate-500"><RelativeTime iso={c.createdAt} now={now} /></span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
