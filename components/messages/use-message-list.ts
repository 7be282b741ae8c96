"use client";

// The messages list of one tab and filter set, newest first, a page at a time.
import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ApiScheduledMessage, MessagePage } from "@/components/api/types";
import { dayStart, DEFAULT_SCHEDULE_WINDOW, listParams, tabFilters, type MessageFilter } from "./message-filter";

export const PAGE_SIZE = 50;

export type MessageListData = InfiniteData<MessagePage, string | null>;

/** Every list key starts with "messages", so one prefix reaches all of them. */
export function messagesQueryKey(filter: MessageFilter) {
  const hours = filter.tab === "scheduled" ? (filter.hours ?? DEFAULT_SCHEDULE_WINDOW) : null;
  const extra = tabFilters(filter.tab).map((key) => filter[key] ?? null).join("|");
  return ["messages", filter.tab, filter.clientId ?? null, filter.channel ?? null, filter.q ?? null, hours, extra] as const;
}

function listUrl(filter: MessageFilter, cursor: string | null): string {
  const params = listParams(filter);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(PAGE_SIZE));
  return `/api/messages?${params}`;
}

// The schedule: by when each message will really go (goesAt), paged by the server's cursor;
// client, channel, customer and days on the server, the text search here on each page.
// `total` is how many the window holds.
async function fetchScheduled(filter: MessageFilter, cursor: string | null): Promise<MessagePage> {
  const params = new URLSearchParams({ hours: String(filter.hours ?? DEFAULT_SCHEDULE_WINDOW), limit: String(PAGE_SIZE) });
  if (filter.clientId) params.set("clientId", filter.clientId);
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.customer) params.set("customer", filter.customer);
  if (filter.from) params.set("from", dayStart(filter.from));
  if (filter.until) params.set("until", dayStart(filter.until, 1));
  if (cursor) params.set("cursor", cursor);
  const { messages, total, nextCursor } = await fetchJson<{ messages: ApiScheduledMessage[]; total: number; nextCursor: string | null }>(`/api/messages/scheduled?${params}`);
  const q = filter.q?.toLowerCase();
  return {
    total: q ? undefined : total,
    messages: messages.filter((m) => !q || m.id === filter.q || m.id.endsWith(q.replace(/^…/, "")) || m.to.toLowerCase().includes(q) || (m.body ?? "").toLowerCase().includes(q)),
    nextCursor,
  };
}

export function useMessageList(filter: MessageFilter) {
  return useInfiniteQuery<MessagePage, Error, MessageListData, ReturnType<typeof messagesQueryKey>, string | null>({
    queryKey: messagesQueryKey(filter),
    queryFn: ({ pageParam }) =>
      filter.tab === "scheduled" ? fetchScheduled(filter, pageParam) : fetchJson<MessagePage>(listUrl(filter, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}
