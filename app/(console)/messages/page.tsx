import type { Metadata } from "next";
import { MessagesView } from "@/components/messages/messages-view";
import { parseScheduleWindow, parseTab } from "@/components/messages/message-filter";

export const metadata: Metadata = { title: "Messages" };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() ? v.trim() : undefined;
}

// GET /messages?tab=all|pending|sent|failed|dead_letter|scheduled&clientId=&channel=&q=&hours=24|48|168
export default async function MessagesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filter = {
    tab: parseTab(first(params.tab)),
    clientId: first(params.clientId),
    channel: first(params.channel),
    q: first(params.q),
    hours: parseScheduleWindow(first(params.hours)),
  };
  return <MessagesView filter={filter} />;
}
