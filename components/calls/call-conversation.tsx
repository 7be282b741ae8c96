"use client";

// A call's detail: the SMS conversation with the call's customer (found by the client and the
// customer's number through GET /api/conversations), its thread, and a way into the Inbox.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ConversationPage } from "@/components/api/types";
import { conversationsUrl, inboxHref } from "@/components/inbox/inbox-filter";
import { Thread } from "@/components/conversations/thread";

export function CallConversation({ clientId, phone }: { clientId: string; phone: string | null }) {
  const query = useQuery({
    queryKey: ["conversations", "of-number", clientId, "sms", phone],
    // The search matches inside numbers too: the conversation is the one whose address is this number.
    queryFn: async () => (await fetchJson<ConversationPage>(conversationsUrl({ clientId, channel: "sms", q: phone! }, null, 20))).conversations.find((c) => c.address === phone) ?? null,
    enabled: !!phone,
  });
  if (!phone) return <p className="text-sm text-slate-500 dark:text-slate-400">The call platform gave no number for this customer.</p>;
  if (query.isPending) return <p className="text-sm text-slate-500">Looking for the conversation…</p>;
  if (query.isError) return <p className="text-sm text-slate-500">The conversation could not be read.</p>;
  if (!query.data) return <p data-testid="call-conversation-empty" className="text-sm text-slate-500 dark:text-slate-400">No SMS with this customer yet.</p>;
  return (
    <div className="space-y-2">
      <Thread conversationId={query.data.id} auth={{ kind: "session" }} className="h-[28rem] rounded-md border border-slate-200 dark:border-slate-800" />
      <Link href={inboxHref({ clientId }, query.data.id)} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
        Open in the Inbox →
      </Link>
    </div>
  );
}
