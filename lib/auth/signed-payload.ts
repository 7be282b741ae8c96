// Stateless credentials: a JSON value and an HMAC-SHA256 of it under SESSION_SECRET, as
// `<base64url JSON>.<mac>`. Each use names its purpose, which is part of what is signed, so a
// token minted for one (a widget's conversation) is never accepted as another (an unsubscribe
// link). Used by lib/compliance/unsubscribe-link.ts and lib/conversations/widget-token.ts.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";

/** Longest payload read back; what is signed here is a few ids. */
const MAX_PAYLOAD = 2000;

function secret(): string | null {
  return getConfig().SESSION_SECRET ?? null;
}

// 32 characters of base64url: 192 bits of the MAC, and the length unsubscribe links already sent carry.
const mac = (purpose: string, payload: string, key: string) => createHmac("sha256", key).update(`${purpose}:${payload}`).digest("base64url").slice(0, 32);

/** `<payload>.<mac>` for `value`; null when there is no SESSION_SECRET to sign with. */
export function signPayload(purpose: string, value: unknown): string | null {
  const key = secret();
  if (!key) return null;
  const payload = Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${payload}.${mac(purpose, payload, key)}`;
}

/** The value signed for `purpose`, or undefined when the token is malformed, too long or not signed by this server. */
export function readSignedPayload(purpose: string, token: string): unknown {
  const key = secret();
  const [payload, given, extra] = token.split(".");
  if (!key || !payload || !given || extra !== undefined || payload.length > MAX_PAYLOAD) return undefined;
  const expected = Buffer.from(mac(purpose, payload, key));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}
