// The thread's calls to Herald, for either caller: a console session (cookie, components/api's
// fetchJson) or a widget token (Authorization: Bearer wt_…, and no redirect to /login on a 401:
// the widget has no login; it says the link has expired). The widget endpoints accept both.
import { fetchJson, toApiError } from "@/components/api/api-client";
import type { ApiConversation, HistoryItem } from "@/lib/conversations/queries";

export type ThreadAuth = { kind: "session" } | { kind: "token"; token: string };

export const PAGE_SIZE = 20;

async function call<T>(auth: ThreadAuth, url: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  if (auth.kind === "session") return fetchJson<T>(url, init);
  const res = await fetch(url, {
    method: init.method ?? "GET",
    credentials: "omit",
    headers: { Accept: "application/json", Authorization: `Bearer ${auth.token}`, ...(init.json !== undefined ? { "Content-Type": "application/json" } : {}) },
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

const base = (id: string) => `/api/v1/widget/conversation/${encodeURIComponent(id)}`;

export function getConversation(auth: ThreadAuth, id: string) {
  return call<{ conversation: ApiConversation }>(auth, base(id));
}

/** A page counted from the newest: offset 0 is the latest PAGE_SIZE, oldest first within it. */
export function getHistoryPage(auth: ThreadAuth, id: string, offset: number) {
  return call<{ messages: HistoryItem[]; total: number }>(auth, `${base(id)}/history?limit=${PAGE_SIZE}&offset=${offset}`);
}

/** The same messageId twice sends once (the server deduplicates), so a resend after a lost answer is safe. */
export function sendMessage(auth: ThreadAuth, c: Pick<ApiConversation, "id" | "clientId" | "channel">, body: { text: string; mediaUrl?: string; messageId: string }) {
  return call<{ success: true; messageId: string }>(auth, "/api/v1/widget/send", {
    method: "POST",
    json: { conversationId: c.id, tenantId: c.clientId, integrationId: c.channel, ...body },
  });
}

/**
 * Re-queues a failed message: the console's own retry for a session, the widget's
 * conversation-scoped one for a token. Both move only a failed or dead-lettered message,
 * atomically, so a second click answers 409 and nothing is sent twice.
 */
export function retryMessage(auth: ThreadAuth, conversationId: string, messageId: string) {
  if (auth.kind === "session") return call<unknown>(auth, `/api/messages/${encodeURIComponent(messageId)}/retry`, { method: "POST" });
  return call<unknown>(auth, `${base(conversationId)}/retry`, { method: "POST", json: { messageId } });
}

/** Only the console marks read: the unread count is the staff's, and a token cannot reach it. */
export function markRead(auth: ThreadAuth, id: string) {
  if (auth.kind !== "session") return Promise.resolve(null);
  return call<unknown>(auth, `/api/conversations/${encodeURIComponent(id)}/read`, { method: "POST" });
}
