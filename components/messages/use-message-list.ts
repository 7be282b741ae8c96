"use client";

// The messages list of one tab and filter set, newest first, a page at a time.
import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ApiMessage, MessagePage } from "@/components/api/types";
import { DEFAULT_SCHEDULE_WINDOW, LIST_ONLY_FILTERS, listParams, type MessageFilter } from "./message-filter";

export const PAGE_SIZE = 50;

export type MessageListData = InfiniteData<MessagePage, string | null>;

/** Every list key starts with "messages", so one prefix reaches all of them. */
export function messagesQueryKey(filter: MessageFilter) {
  const hours = filter.tab === "scheduled" ? (filter.hours ?? DEFAULT_SCHEDULE_WINDOW) : null;
  const extra = filter.tab === "scheduled" ? null : LIST_ONLY_FILTERS.map((key) => filter[key] ?? null).join("|");
  return ["messages", filter.tab, filter.clientId ?? null, filter.channel ?? null, filter.q ?? null, hours, extra] as const;
}

function listUrl(filter: MessageFilter, cursor: string | null): string {
  const params = listParams(filter);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(PAGE_SIZE));
  return `/api/messages?${params}`;
}

// The schedule endpoint has no channel or text filter and no cursor: filter here, one page.
// `total` is how many the window holds (the API returns the first 500 of them).
async function fetchScheduled(filter: MessageFilter): Promise<MessagePage> {
  const params = new URLSearchParams({ hours: String(filter.hours ?? DEFAULT_SCHEDULE_WINDOW) });
  if (filter.clientId) params.set("clientId", filter.clientId);
  const { messages, total } = await fetchJson<{ messages: ApiMessage[]; total: number }>(`/api/messages/scheduled?${params}`);
  const q = filter.q?.toLowerCase();
  return {
    total: filter.channel || q ? undefined : total,
    messages: messages.filter(
      (m) =>
        (!filter.channel || m.channel === filter.channel) &&
        (!q || m.id === filter.q || m.id.endsWith(q.replace(/^…/, "")) || m.to.toLowerCase().includes(q) || (m.body ?? "").toLowerCase().includes(q)),
    ),
    nextCursor: null,
  };
}

export function useMessageList(filter: MessageFilter) {
  return useInfiniteQuery<MessagePage, Error, MessageListData, ReturnType<typeof messagesQueryKey>, string | null>({
    queryKey: messagesQueryKey(filter),
    queryFn: ({ pageParam }) =>
      filter.tab === "scheduled" ? fetchScheduled(filter) : fetchJson<MessagePage>(listUrl(filter, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}
