// Retell-compatible webhook signatures: `x-retell-signature: v=<ms>,d=<hex>` where
// d = HMAC-SHA256(apiKey, rawBody + ms). Always checked on the raw body, in constant
// time, and refused when older (or newer) than five minutes.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export function signRetellBody(apiKey: string, rawBody: string, timestampMs: number): string {
  const digest = createHmac("sha256", apiKey).update(rawBody + timestampMs).digest("hex");
  return `v=${timestampMs},d=${digest}`;
}

export type SignatureProblem = "missing" | "malformed" | "stale" | "mismatch";

export function checkRetellSignature(apiKey: string, rawBody: string, header: string | null, now = Date.now()): SignatureProblem | null {
  if (!header) return "missing";
  const match = /^v=(\d{10,16}),d=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return "malformed";
  const ts = Number(match[1]);
  if (Math.abs(now - ts) > SIGNATURE_TOLERANCE_MS) return "stale";
  const expected = Buffer.from(createHmac("sha256", apiKey).update(rawBody + match[1]).digest("hex"), "hex");
  const given = Buffer.from(match[2]!, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : "mismatch";
}
