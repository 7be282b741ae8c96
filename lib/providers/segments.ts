// SMS segment counting and the cost estimate used until a provider reports a price.
// GSM-7 (3GPP TS 23.038): 160 septets in a single message, 153 per part of a long
// one; extension-table characters take two septets (ESC + char) and are never split
// across parts. Anything outside GSM-7 switches the whole message to UCS-2: 70 UTF-16
// units single, 67 per part, a surrogate pair never split.
import type { Channel } from "../domain/words";

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SegmentCount {
  encoding: SmsEncoding;
  segments: number;
}

const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM7_EXTENSION = new Set("\f^{}\\[~]|€");

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  "GSM-7": { single: 160, part: 153 },
  "UCS-2": { single: 70, part: 67 },
};

/** The size of each character in the encoding's units (septets or UTF-16 code units), or null for "UCS-2 needed". */
function gsmSizes(chars: string[]): number[] | null {
  const sizes: number[] = [];
  for (const c of chars) {
    if (GSM7_BASIC.has(c)) sizes.push(1);
    else if (GSM7_EXTENSION.has(c)) sizes.push(2);
    else return null;
  }
  return sizes;
}

export function countSegments(body: string): SegmentCount {
  const chars = Array.from(body); // by code point, so a surrogate pair stays whole
  const gsm = gsmSizes(chars);
  const encoding: SmsEncoding = gsm ? "GSM-7" : "UCS-2";
  const sizes = gsm ?? chars.map((c) => c.length);
  const { single, part } = LIMITS[encoding];
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= single) return { encoding, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments };
}

/** Price per unit in cents for each channel: per SMS segment, per WhatsApp message, per email. */
export type ChannelPrices = Partial<Record<Channel, number>>;

/**
 * The estimated cost of one message in whole cents (rounded to the nearest cent, never
 * negative): segments × price for SMS, the per-message price for WhatsApp and email.
 * A channel without a price costs 0.
 */
export function estimateCostCents(channel: Channel, body: string, pricesPerSegmentCents: ChannelPrices): number {
  const price = pricesPerSegmentCents[channel] ?? 0;
  const units = channel === "sms" ? countSegments(body).segments : 1;
  return Math.max(0, Math.round(units * price));
}
