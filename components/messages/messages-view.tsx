"use client";

// The messages page: tabs, filters, the live table and "Load more".
import { useMemo } from "react";
import { useQueueStats } from "@/components/live/use-queue-stats";
import { MessageFilters } from "./message-filters";
import { MessageTable } from "./message-table";
import { MessageTabs } from "./message-tabs";
import type { MessageFilter } from "./message-types";
import { useClientNames } from "./use-client-names";
import { useLiveMessageUpdates } from "./use-live-message-updates";
import { SCHEDULED_HOURS, useMessageList } from "./use-message-list";

export function MessagesView({ filter }: { filter: MessageFilter }) {
  const list = useMessageList(filter);
  useLiveMessageUpdates(filter);
  const { data: stats } = useQueueStats(filter.clientId);

  const messages = useMemo(() => list.data?.pages.flatMap((p) => p.messages) ?? [], [list.data]);
  const clientIds = useMemo(() => [...new Set(messages.map((m) => m.clientId))], [messages]);
  const clientNames = useClientNames(clientIds);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Messages</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {filter.tab === "scheduled"
              ? `Pending messages due in the next ${SCHEDULED_HOURS} hours, soonest first.`
              : "Newest first. Rows change as the queue works."}
          </p>
        </div>
        <MessageFilters key={`${filter.q ?? ""}|${filter.channel ?? ""}`} filter={filter} />
      </div>

      <MessageTabs filter={filter} stats={stats} />

      {list.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading messages…</p>
      ) : list.isError && messages.length === 0 ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          Could not load messages: {list.error.message}{" "}
          <button type="button" onClick={() => void list.refetch()} className="font-medium underline">
            Try again
          </button>
        </div>
      ) : messages.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-12 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          No messages here yet. New ones appear as soon as they are queued.
        </div>
      ) : (
        <>
          <MessageTable messages={messages} clientNames={clientNames} />
          <div className="flex items-center justify-between text-sm text-slate-500 dark:text-slate-400">
            <span>
              {messages.length} shown{list.isFetching && !list.isFetchingNextPage ? " · refreshing…" : ""}
            </span>
            {list.hasNextPage && (
              <button
                type="button"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
                className="rounded-md bg-white px-3 py-1.5 font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800"
              >
                {list.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
