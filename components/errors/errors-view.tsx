"use client";

// The Errors page: unresolved counts, filters, the live table and "Load more".
import { useMemo } from "react";
import { useClientNames } from "@/components/api/use-clients";
import { ErrorFilterBar } from "./error-filter-bar";
import { ErrorSummary } from "./error-summary";
import { ErrorTable } from "./error-table";
import type { ErrorFilter } from "./error-filter";
import { useErrorList } from "./use-error-list";
import { useErrorStats } from "./use-error-stats";
import { useLiveErrors } from "./use-live-errors";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";

export function ErrorsView({ filter }: { filter: ErrorFilter }) {
  const list = useErrorList(filter);
  const fresh = useLiveErrors(filter);
  const { data: stats } = useErrorStats(filter.clientId);

  const errors = useMemo(() => list.data?.pages.flatMap((p) => p.errors) ?? [], [list.data]);
  const clientIds = useMemo(() => [...new Set(errors.flatMap((e) => (e.clientId ? [e.clientId] : [])))], [errors]);
  const clientNames = useClientNames(clientIds);

  return (
    <div className="space-y-4">
      <PageHeader
        title="Errors"
        description="Everything that went wrong, newest first. New entries appear as they are logged; critical ones are also sent to Slack and email when configured."
      />

      <ErrorSummary stats={stats} clientId={filter.clientId} />
      <ErrorFilterBar key={filter.q ?? ""} filter={filter} stats={stats} />

      {list.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading errors…</p>
      ) : list.isError && errors.length === 0 ? (
        <ErrorNotice what="errors" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : errors.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-12 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          Nothing here. That is good news; new errors appear as soon as they are logged.
        </div>
      ) : (
        <>
          <ErrorTable errors={errors} clientNames={clientNames} fresh={fresh} />
          <ListFooter shown={errors.length} list={list} />
        </>
      )}
    </div>
  );
}
