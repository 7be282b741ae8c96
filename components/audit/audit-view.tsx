"use client";

// The Audit page: every human action, newest first, with who (a person or an API key), what
// changed (before → after), from which address; filtered by person, action, client and date,
// paged with "Load more" (GET /api/audit's nextCursor).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { fetchJson } from "@/components/api/api-client";
import { useClientNames } from "@/components/api/use-clients";
import { ClientFilter, FILTER_INPUT } from "@/components/ui/client-filter";
import { DataTable } from "@/components/ui/data-table";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { ACTION_LABELS, actionLabel, changeLines, shortTime, type ApiAuditEntry } from "./audit-labels";

export interface AuditFilter {
  actor?: string;
  action?: string;
  clientId?: string;
  since?: string;
}

const COLUMNS = [
  { key: "at", label: "When" },
  { key: "who", label: "Who" },
  { key: "action", label: "Action" },
  { key: "target", label: "On" },
  { key: "client", label: "Client" },
  { key: "changes", label: "What changed" },
  { key: "address", label: "From" },
];
const CELL = "block px-2.5 py-1 lg:table-cell lg:py-2 align-top";

function hrefOf(f: AuditFilter): string {
  const q = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1]));
  return q.size ? `/audit?${q}` : "/audit";
}

function targetLink(e: ApiAuditEntry) {
  const short = e.target.id.length > 14 ? `…${e.target.id.slice(-8)}` : e.target.id;
  const cls = "font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300";
  if (e.target.kind === "message") return <Link href={`/messages?q=${encodeURIComponent(e.target.id)}`} className={cls}>message {short}</Link>;
  if (e.target.kind === "client") return <Link href={`/clients/${encodeURIComponent(e.target.id)}`} className={cls}>client {short}</Link>;
  if (e.target.kind === "error") return <Link href="/errors" className={cls}>error {short}</Link>;
  return <span className="font-mono text-xs">{e.target.kind} {short}</span>;
}

function ActorIcon({ kind }: { kind: string }) {
  // A person, or a key (an integration or the admin key).
  return kind === "user" ? (
    <svg aria-label="person" viewBox="0 0 20 20" className="inline h-4 w-4 fill-slate-500"><path d="M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0H3Z" /></svg>
  ) : (
    <svg aria-label="API key" viewBox="0 0 20 20" className="inline h-4 w-4 fill-amber-600"><path d="M13 2a5 5 0 0 0-4.8 6.4L2 14.6V18h3.4l.6-.6V16h1.5v-1.5H9l1.6-1.6A5 5 0 1 0 13 2Zm1.5 5a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Z" /></svg>
  );
}

export function AuditView({ filter }: { filter: AuditFilter }) {
  const router = useRouter();
  const [actor, setActor] = useState(filter.actor ?? "");
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
  const list = useInfiniteQuery({
    queryKey: ["audit", params.toString()],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams(params);
      if (pageParam) q.set("cursor", pageParam);
      return fetchJson<{ entries: ApiAuditEntry[]; nextCursor: string | null }>(`/api/audit?${q}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = useMemo(() => list.data?.pages.flatMap((p) => p.entries) ?? [], [list.data]);
  const names = useClientNames(useMemo(() => [...new Set(entries.flatMap((e) => (e.clientId ? [e.clientId] : [])))], [entries]));
  const go = (change: Partial<AuditFilter>) => router.push(hrefOf({ ...filter, ...change }));

  return (
    <div className="space-y-4">
      <PageHeader title="Audit" description="Everything a person or an API key changed by hand: edits and retries, cancels, client settings, key rotations, resolved errors, suppressions. Kept as long as what it concerns." />

      <form className="flex flex-wrap items-center gap-2" onSubmit={(e) => { e.preventDefault(); go({ actor: actor.trim() || undefined }); }}>
        <label className="sr-only" htmlFor="audit-actor">Who</label>
        <input id="audit-actor" data-testid="audit-actor" type="search" value={actor} onChange={(e) => setActor(e.target.value)} onBlur={() => actor.trim() !== (filter.actor ?? "") && go({ actor: actor.trim() || undefined })} placeholder="Who (a name)" className={`${FILTER_INPUT} w-44`} />
        <label className="sr-only" htmlFor="audit-action">Action</label>
        <select id="audit-action" data-testid="audit-action" value={filter.action ?? ""} onChange={(e) => go({ action: e.target.value || undefined })} className={`${FILTER_INPUT} max-w-56`}>
          <option value="">Every action</option>
          {Object.entries(ACTION_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <ClientFilter clientId={filter.clientId} hrefFor={(clientId) => hrefOf({ ...filter, clientId })} />
        <label className="text-sm text-slate-500" htmlFor="audit-since">Since</label>
        <input id="audit-since" data-testid="audit-since" type="date" value={filter.since ?? ""} onChange={(e) => go({ since: e.target.value || undefined })} className={FILTER_INPUT} />
      </form>

      {list.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading the audit trail…</p>
      ) : list.isError ? (
        <ErrorNotice what="the audit trail" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : entries.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-12 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          {params.size ? "Nothing matches these filters." : "Nobody has changed anything yet. Edits, retries, cancels and settings changes appear here."}
        </div>
      ) : (
        <DataTable columns={COLUMNS}>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row" className="block border-t border-slate-100 py-2 lg:table-row lg:py-0 dark:border-slate-800">
              <td className={`${CELL} whitespace-nowrap text-slate-600 dark:text-slate-400`} title={new Date(e.at).toLocaleString()}>{shortTime(e.at)}</td>
              <td className={`${CELL} whitespace-nowrap`}><ActorIcon kind={e.actor.kind} /> {e.actor.name}</td>
              <td className={`${CELL} lg:whitespace-nowrap`}>{actionLabel(e.action)}</td>
              <td className={`${CELL} whitespace-nowrap`}>{targetLink(e)}</td>
              <td className={CELL}>{e.clientId ? names.get(e.clientId) ?? e.clientId : "—"}</td>
              <td className={`${CELL} [overflow-wrap:anywhere]`} data-testid="audit-changes">
                {changeLines(e.changes).map((line) => <div key={line}>{line}</div>)}
              </td>
              <td className={`${CELL} font-mono text-xs text-slate-500`}>{e.address ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900">
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
