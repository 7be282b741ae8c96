// Widget tokens: a short-lived credential for one conversation, HMAC-SHA256 signed with
// SESSION_SECRET (no state kept). `wt_<payload>.<signature>`, payload = base64url JSON
// {c: conversationId, e: expiry in epoch seconds}. A token reads and writes that one
// conversation over HTTP and Socket.IO and nothing else.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";

export const WIDGET_TOKEN_TTL_MS = 60 * 60 * 1000;
const PREFIX = "wt_";

function secret(): string {
  const s = getConfig().SESSION_SECRET;
  if (!s) throw new Error("SESSION_SECRET must be set (server.ts fills it in at start)");
  return s;
}

const sign = (payload: string) => createHmac("sha256", secret()).update(`widget:${payload}`).digest("base64url");

export const isWidgetToken = (token: string | null | undefined): token is string => !!token && token.startsWith(PREFIX);

export function mintWidgetToken(conversationId: string, now = new Date(), ttlMs = WIDGET_TOKEN_TTL_MS): { token: string; expiresAt: string } {
  const expires = Math.floor((now.getTime() + ttlMs) / 1000);
  const payload = Buffer.from(JSON.stringify({ c: conversationId, e: expires })).toString("base64url");
  return { token: `${PREFIX}${payload}.${sign(payload)}`, expiresAt: new Date(expires * 1000).toISOString() };
}

/** The conversation a valid, unexpired token is for; null for anything else. */
export function verifyWidgetToken(token: string, now = new Date()): { conversationId: string } | null {
  if (!isWidgetToken(token)) return null;
  const [payload, signature] = token.slice(PREFIX.length).split(".");
  if (!payload || !signature) return null;
  const want = Buffer.from(sign(payload));
  const got = Buffer.from(signature);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  try {
    const { c, e } = JSON.parse(Buffer.from(payload, "base64url").toString()) as { c?: unknown; e?: unknown };
    if (typeof c !== "string" || typeof e !== "number" || e * 1000 <= now.getTime()) return null;
    return { conversationId: c };
  } catch {
    return null;
  }
}
