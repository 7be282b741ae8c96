// Widget tokens: a short-lived credential for one conversation, `wt_` + a signed
// {c: conversationId, e: expiry in epoch seconds} (lib/auth/signed-payload.ts; no state kept).
// A token reads and writes that one conversation over HTTP and Socket.IO and nothing else.
import { readSignedPayload, signPayload } from "../auth/signed-payload";

export const WIDGET_TOKEN_TTL_MS = 60 * 60 * 1000;
const PREFIX = "wt_";
const PURPOSE = "widget";

export const isWidgetToken = (token: string | null | undefined): token is string => !!token && token.startsWith(PREFIX);

export function mintWidgetToken(conversationId: string, now = new Date(), ttlMs = WIDGET_TOKEN_TTL_MS): { token: string; expiresAt: string } {
  const expires = Math.floor((now.getTime() + ttlMs) / 1000);
  const signed = signPayload(PURPOSE, { c: conversationId, e: expires });
  if (!signed) throw new Error("SESSION_SECRET must be set (server.ts fills it in at start)");
  return { token: `${PREFIX}${signed}`, expiresAt: new Date(expires * 1000).toISOString() };
}

/** The conversation a valid, unexpired token is for, and when it expires; null for anything else. */
export function verifyWidgetToken(token: string, now = new Date()): { conversationId: string; expiresAt: Date } | null {
  if (!isWidgetToken(token)) return null;
  const value = readSignedPayload(PURPOSE, token.slice(PREFIX.length)) as { c?: unknown; e?: unknown } | undefined;
  if (typeof value?.c !== "string" || typeof value.e !== "number" || value.e * 1000 <= now.getTime()) return null;
  return { conversationId: value.c, expiresAt: new Date(value.e * 1000) };
}
