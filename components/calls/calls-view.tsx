"use client";

// The calls page: figures, status filter, the live list and "Load more".
import { useMemo } from "react";
import { useClientNames } from "@/components/api/use-clients";
import { CallFilterBar } from "./call-filter-bar";
import { CallStatsStrip } from "./call-stats-strip";
import { CallTable } from "./call-table";
import type { CallFilter } from "./call-filter";
import { useCallList, useCallStats } from "./use-call-list";
import { useLiveCalls } from "./use-live-calls";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";

export function CallsView({ filter }: { filter: CallFilter }) {
  const list = useCallList(filter);
  const { data: stats } = useCallStats(filter.clientId);
  useLiveCalls(filter);

  const calls = useMemo(() => list.data?.pages.flatMap((p) => p.calls) ?? [], [list.data]);
  const clientIds = useMemo(() => [...new Set([...calls.map((c) => c.clientId), ...(filter.clientId ? [filter.clientId] : [])])], [calls, filter.clientId]);
  const clientNames = useClientNames(clientIds);

  return (
    <div className="space-y-4">
      <PageHeader
        title="Calls"
        description="Voice-agent calls, newest first. New calls and their outcomes appear as they happen."
        actions={<CallFilterBar filter={filter} clientName={filter.clientId ? clientNames.get(filter.clientId) : undefined} />}
      />

      <CallStatsStrip stats={stats} />

      {list.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading calls…</p>
      ) : list.isError && calls.length === 0 ? (
        <ErrorNotice what="calls" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : calls.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-12 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          No calls {filter.status ? `with status “${filter.status}” ` : ""}yet. They appear here as soon as the call platform reports them.
        </div>
      ) : (
        <>
          <CallTable calls={calls} clientNames={clientNames} />
          <ListFooter shown={calls.length} list={list} />
          {list.isError && <ErrorNotice what="more calls" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />}
        </>
      )}
    </div>
  );
}
