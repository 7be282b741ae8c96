// What the Inbox shows, as it lives in its URL (client, channel, unread only, search), the
// /inbox URL for a filter and a selected conversation, and the API query for a page.

export const INBOX_CHANNELS = ["sms", "whatsapp", "email"] as const;
export type InboxChannel = (typeof INBOX_CHANNELS)[number];

export interface InboxFilter {
  clientId?: string;
  channel?: InboxChannel;
  unread?: boolean;
  /** Text in the customer's name, address or the last message. */
  q?: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() ? v.trim() : undefined;
}

export function parseInboxFilter(params: SearchParams): InboxFilter {
  const channel = first(params.channel);
  return {
    clientId: first(params.clientId),
    channel: (INBOX_CHANNELS as readonly string[]).includes(channel ?? "") ? (channel as InboxChannel) : undefined,
    unread: first(params.unread) === "true" || undefined,
    q: first(params.q),
  };
}

function filterParams(filter: InboxFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.clientId) params.set("clientId", filter.clientId);
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.unread) params.set("unread", "true");
  if (filter.q) params.set("q", filter.q);
  return params;
}

/** /inbox or /inbox/<id>, keeping the filter so the list beside the thread stays the same. */
export function inboxHref(filter: InboxFilter, conversationId?: string): string {
  const query = filterParams(filter).toString();
  const path = conversationId ? `/inbox/${encodeURIComponent(conversationId)}` : "/inbox";
  return query ? `${path}?${query}` : path;
}

export function conversationsUrl(filter: InboxFilter, cursor: string | null, limit: number): string {
  const params = filterParams(filter);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(limit));
  return `/api/conversations?${params}`;
}
