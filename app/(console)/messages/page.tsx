import type { Metadata } from "next";
import { MessagesView } from "@/components/messages/messages-view";
import { parseDay, parseErrorClass, parseScheduleWindow, parseTab } from "@/components/messages/message-filter";

export const metadata: Metadata = { title: "Messages" };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() ? v.trim() : undefined;
}

// GET /messages?tab=all|pending|sent|failed|dead_letter|scheduled&clientId=&channel=&q=&from=&until=&provider=&errorClass=&customer=&hours=24|48|168
export default async function MessagesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filter = {
    tab: parseTab(first(params.tab)),
    clientId: first(params.clientId),
    channel: first(params.channel),
    q: first(params.q),
    from: parseDay(first(params.from)),
    until: parseDay(first(params.until)),
    provider: first(params.provider),
    errorClass: parseErrorClass(first(params.errorClass)),
    customer: first(params.customer),
    hours: parseScheduleWindow(first(params.hours)),
  };
  return <MessagesView filter={filter} />;
}
