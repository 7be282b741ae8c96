"use client";

// The right of the Inbox: who the conversation is with (and on which channel, for which client,
// until when WhatsApp's window is open), its thread, and the customer's calls beside it (below
// it on narrower screens).
import { ApiError } from "@/components/api/api-client";
import type { ApiConversation } from "@/components/api/types";
import { ErrorNotice } from "@/components/ui/error-notice";
import { channelLabel } from "@/components/ui/labels";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { ChannelIcon } from "./channel-icon";
import { conversationTitle } from "./conversation-row";
import { CustomerCalls } from "./customer-calls";
import { ConversationThread } from "./conversation-thread";
import { useConversationDetail } from "./use-conversation-detail";

const PANEL = "rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";

export function ConversationPane({ conversationId, listed, clientName }: { conversationId: string; listed?: ApiConversation; clientName?: string }) {
  const now = useNow();
  const detail = useConversationDetail(conversationId);
  const conversation = listed ?? detail.data?.conversation;

  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return (
      <div data-testid="conversation-not-found" className={`${PANEL} p-8 text-center text-sm text-slate-500 dark:text-slate-400`}>
        There is no conversation <span className="break-all font-mono">{conversationId}</span>. It may belong to a client you cannot see.
      </div>
    );
  }
  if (!conversation) {
    if (detail.isError) return <ErrorNotice what="this conversation" error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />;
    return <p className="py-12 text-center text-sm text-slate-500">Loading conversation…</p>;
  }
  const phone = conversation.customer.phone ?? (conversation.channel === "email" ? null : conversation.address);

  return (
    <div data-testid="conversation-pane" data-conversation-id={conversationId} className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_16rem]">
      <section aria-label="Thread" className={`${PANEL} flex min-w-0 flex-col`}>
        <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <ChannelIcon channel={conversation.channel} />
          <div className="min-w-0">
            <h2 data-testid="thread-title" className="truncate text-base font-semibold">{conversationTitle(conversation)}</h2>
            <p className="truncate text-xs text-slate-500 dark:text-slate-400">
              {channelLabel(conversation.channel)}
              {conversation.customer.name && <> · <span className="font-mono">{conversation.address}</span></>}
              {clientName && <> · {clientName}</>}
              {conversation.windowClosesAt && (
                <>
                  {" · "}
                  {new Date(conversation.windowClosesAt).getTime() > now ? <>window closes <RelativeTime iso={conversation.windowClosesAt} now={now} /></> : "window closed: templates only"}
                </>
              )}
            </p>
          </div>
        </header>
        <ConversationThread conversationId={conversationId} className="max-h-[65vh] min-h-64" />
      </section>
      <section aria-label="Calls with this customer" data-testid="customer-calls" className={`${PANEL} min-w-0 self-start p-4`}>
        <h2 className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-200">Calls</h2>
        <CustomerCalls clientId={conversation.clientId} phone={phone} />
      </section>
    </div>
  );
}
