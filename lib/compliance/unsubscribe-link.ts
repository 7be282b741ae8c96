// One-click unsubscribe for marketing email (RFC 8058): a signed link under PUBLIC_URL that
// names the client and the address, so a POST to it suppresses without a login; and the
// List-Unsubscribe / List-Unsubscribe-Post headers that carry it (with a mailto: to
// UNSUBSCRIBE_MAILTO, else the sender; Herald has no inbound email, that mailbox's reader acts on it).
import { getConfig } from "../config";
import { readSignedPayload, signPayload } from "../auth/signed-payload";

export const UNSUBSCRIBE_PATH = "/api/unsubscribe";
const PURPOSE = "unsubscribe";

/** A signed [clientId, address] (lib/auth/signed-payload.ts). Null without SESSION_SECRET. */
export function unsubscribeToken(clientId: string, address: string): string | null {
  return signPayload(PURPOSE, [clientId, address.toLowerCase()]);
}

/** The client and address a token names, or null when it is malformed or not signed by this server. */
export function readUnsubscribeToken(token: string): { clientId: string; address: string } | null {
  const value = readSignedPayload(PURPOSE, token);
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string" && v.length > 0 && v.length <= 320)) {
    return { clientId: value[0], address: value[1] };
  }
  return null;
}

export function unsubscribeUrl(token: string): string {
  return `${getConfig().PUBLIC_URL.replace(/\/$/, "")}${UNSUBSCRIBE_PATH}/${token}`;
}

/** The headers of a marketing email to `address`; empty when links cannot be signed. */
export function unsubscribeHeaders(clientId: string, address: string, from: string | null | undefined): Record<string, string> {
  const token = unsubscribeToken(clientId, address);
  if (!token) return {};
  // Herald reads no mail: a mail to this address is acted on by whoever reads that mailbox.
  const configured = getConfig().UNSUBSCRIBE_MAILTO;
  const sender = configured ?? (from ?? getConfig().EMAIL_FROM ?? "").match(/<([^>]+)>/)?.[1] ?? from ?? getConfig().EMAIL_FROM ?? null;
  const mailto = sender?.includes("@") ? `, <mailto:${sender}?subject=${encodeURIComponent(`unsubscribe ${token}`)}>` : "";
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(token)}>${mailto}`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
