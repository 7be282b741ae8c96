"use client";

// The right of the Inbox: the open conversation's thread (components/conversations/thread.tsx:
// who, WhatsApp's window, the messages, the reply box; opening and new replies mark it read),
// and the customer's calls beside it (below it on narrower screens).
import { ApiError } from "@/components/api/api-client";
import type { ApiConversation } from "@/components/api/types";
import { Thread } from "@/components/conversations/thread";
import { CustomerCalls } from "./customer-calls";
import { useConversationDetail } from "./use-conversation-detail";

const PANEL = "rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";

export function ConversationPane({ conversationId, listed }: { conversationId: string; listed?: ApiConversation }) {
  const detail = useConversationDetail(conversationId, !listed);
  const conversation = listed ?? detail.data;
  const missing = detail.error instanceof ApiError && detail.error.status === 404;
  const phone = conversation ? (conversation.customer.phone ?? (conversation.channel === "email" ? null : conversation.address)) : null;

  return (
    <div data-testid="conversation-pane" data-conversation-id={conversationId} className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_16rem]">
      <Thread conversationId={conversationId} auth={{ kind: "session" }} className={`${PANEL} h-[70vh] min-h-96`} />
      {!missing && (
        <section aria-label="Calls with this customer" data-testid="customer-calls" className={`${PANEL} min-w-0 self-start p-4`}>
          <h2 className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-200">Calls</h2>
          {conversation ? <CustomerCalls clientId={conversation.clientId} phone={phone} /> : <p className="text-sm text-slate-500">Loading…</p>}
        </section>
      )}
    </div>
  );
}
