import type { Metadata } from "next";
import { InboxView } from "@/components/inbox/inbox-view";
import { parseInboxFilter } from "@/components/inbox/inbox-filter";

export const metadata: Metadata = { title: "Inbox" };

// GET /inbox?clientId=&channel=sms|whatsapp|email&unread=true&q=
export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <InboxView filter={parseInboxFilter(await searchParams)} />;
}
