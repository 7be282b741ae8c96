"use client";

// The list area of the messages page: loading, a clear error with Retry, empty, or the table.
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { ErrorNotice } from "@/components/ui/error-notice";
import { MessageTable } from "./message-table";
import type { ApiMessage } from "@/components/api/types";
import type { MessageFilter } from "./message-filter";
import { ScheduledTable } from "./scheduled-table";
import { useClients } from "@/components/api/use-clients";
import type { MessageListData } from "./use-message-list";
import { ListFooter } from "@/components/ui/list-footer";

interface Props {
  list: UseInfiniteQueryResult<MessageListData, Error>;
  messages: ApiMessage[];
  filter: MessageFilter;
  clientNames: Map<string, string>;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (ids: string[], selected: boolean) => void;
}

export function MessageListBody({ list, messages, filter, clientNames, selected, onSelect, onSelectAll }: Props) {
  const { byId } = useClients();
  if (list.isPending) return <p className="py-12 text-center text-sm text-slate-500">Loading messages…</p>;
  if (list.isError && messages.length === 0) return <ErrorNotice what="messages" error={list.error} onRetry={() => void list.refetch()} />;
  if (messages.length === 0) {
    return (
      <div data-testid="empty-list" className="rounded-lg border border-dashed border-slate-300 p-12 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
        {filter.tab === "scheduled" ? "Nothing is scheduled in this window." : "No messages here yet. New ones appear as soon as they are queued."}
      </div>
    );
  }
  return (
    <>
      {list.isError && <ErrorNotice compact what="the latest changes" error={list.error} onRetry={() => void list.refetch()} />}
      {filter.tab === "scheduled" ? (
        <ScheduledTable messages={messages} clients={byId} />
      ) : (
        <MessageTable messages={messages} clientNames={clientNames} selected={selected} onSelect={onSelect} onSelectAll={onSelectAll} />
      )}
      <ListFooter shown={messages.length} list={list} />
    </>
  );
}
