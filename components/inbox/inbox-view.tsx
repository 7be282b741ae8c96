"use client";

// /inbox and /inbox/<conversationId>: the conversation list (filters, live reordering, "Load
// more"), and beside it the open conversation's thread and the customer's calls. On a phone the
// list and the thread are two steps: /inbox is the list, /inbox/<id> the thread with a way back.
import Link from "next/link";
import { useMemo } from "react";
import { useClientNames, useClients } from "@/components/api/use-clients";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { useNow } from "@/components/ui/relative-time";
import { ConversationPane } from "./conversation-pane";
import { ConversationRow } from "./conversation-row";
import { InboxFilterBar } from "./inbox-filter-bar";
import { inboxHref, type InboxFilter } from "./inbox-filter";
import { useConversationList, useLiveConversationList } from "./use-conversation-list";

export function InboxView({ filter, conversationId }: { filter: InboxFilter; conversationId?: string }) {
  const list = useConversationList(filter);
  useLiveConversationList(filter, conversationId);
  const now = useNow();
  const { clients } = useClients();

  // A row moved live between pages is shown once.
  const conversations = useMemo(() => {
    const seen = new Set<string>();
    return (list.data?.pages.flatMap((p) => p.conversations) ?? []).filter((c) => !seen.has(c.id) && !!seen.add(c.id));
  }, [list.data]);
  const clientIds = useMemo(() => [...new Set(conversations.map((c) => c.clientId))], [conversations]);
  const names = useClientNames(clientIds);
  const showClient = !filter.clientId && clients.length !== 1;
  const open = conversations.find((c) => c.id === conversationId);

  const listPane = (
    <section aria-label="Conversations" className={`${conversationId ? "hidden lg:block" : ""} min-w-0 space-y-2`}>
      {list.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading conversations…</p>
      ) : list.isError && conversations.length === 0 ? (
        <ErrorNotice what="conversations" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : conversations.length === 0 ? (
        <div data-testid="inbox-empty" className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          {filter.unread || filter.q || filter.channel ? "No conversation matches these filters." : "No conversations yet. Replies from customers appear here as they arrive."}
        </div>
      ) : (
        <>
          <ul data-testid="conversation-list" className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {conversations.map((c) => (
              <ConversationRow key={c.id} conversation={c} href={inboxHref(filter, c.id)} selected={c.id === conversationId} clientName={showClient ? names.get(c.clientId) : undefined} now={now} />
            ))}
          </ul>
          <ListFooter shown={conversations.length} list={list} />
          {list.isError && <ErrorNotice compact what="more conversations" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />}
        </>
      )}
    </section>
  );

  return (
    <div className="space-y-4">
      <PageHeader
        title="Inbox"
        description={
          <span className={conversationId ? "hidden lg:inline" : undefined}>Customers&apos; replies and our messages, by conversation. New messages move their conversation to the top as they arrive.</span>
        }
        actions={
          // On a phone the thread is its own step: the list's filters wait on the list.
          <div className={conversationId ? "hidden w-full lg:block lg:w-auto" : "w-full sm:w-auto"}>
            <InboxFilterBar filter={filter} />
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        {listPane}
        {conversationId ? (
          <div className="min-w-0 space-y-2">
            <Link href={inboxHref(filter)} className="text-sm text-indigo-700 hover:underline lg:hidden dark:text-indigo-300">
              ← All conversations
            </Link>
            <ConversationPane conversationId={conversationId} listed={open} />
          </div>
        ) : (
          <div className="hidden place-items-center rounded-lg border border-dashed border-slate-300 p-10 text-sm text-slate-500 lg:grid dark:border-slate-700 dark:text-slate-400">
            Choose a conversation to read it.
          </div>
        )}
      </div>
    </div>
  );
}
