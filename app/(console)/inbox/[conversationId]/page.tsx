import type { Metadata } from "next";
import { InboxView } from "@/components/inbox/inbox-view";
import { parseInboxFilter } from "@/components/inbox/inbox-filter";

export const metadata: Metadata = { title: "Inbox" };

/** A malformed escape in the address stays as typed (and is then not found), never a crash. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Props = { params: Promise<{ conversationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// GET /inbox/<conversationId>?clientId=&channel=&unread=true&q= – the list (kept filtered) and this conversation's thread
export default async function InboxConversationPage({ params, searchParams }: Props) {
  const [{ conversationId }, query] = await Promise.all([params, searchParams]);
  return <InboxView filter={parseInboxFilter(query)} conversationId={safeDecode(conversationId)} />;
}
