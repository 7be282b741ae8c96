// Media on a message (MMS, WhatsApp pictures and files): public http(s) URLs the provider
// fetches. An outbound message keeps them in its metadata (`mediaUrl`, the first, which the
// conversation history shows, and `mediaUrls`, all of them); inbound ones are Twilio's
// MediaUrl0 … MediaUrl{NumMedia-1}.
import { z } from "zod";

/** Twilio takes at most 10 media per message. */
export const MAX_MEDIA = 10;

export const mediaUrlSchema = z.string().trim().max(2000).regex(/^https?:\/\/\S+$/, "an http(s) URL");

/** `mediaUrl` in a message input: one URL or up to ten; always a list once parsed. */
export const mediaInputSchema = z
  .union([mediaUrlSchema, z.array(mediaUrlSchema).min(1).max(MAX_MEDIA)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** What the message's metadata stores for its media. */
export const mediaMetadata = (urls: readonly string[] | undefined) => (urls?.length ? { mediaUrl: urls[0]!, mediaUrls: [...urls] } : {});

const urlsIn = (list: unknown): string[] =>
  (Array.isArray(list) ? list : []).filter((u): u is string => mediaUrlSchema.safeParse(u).success).slice(0, MAX_MEDIA);

const parsed = (json: string | null | undefined): unknown => {
  try {
    return JSON.parse(json ?? "null");
  } catch {
    return null;
  }
};

/** The media URLs a stored message carries (its metadata JSON); empty when none or unreadable. */
export function mediaUrlsOf(metadata: string | null | undefined): string[] {
  const m = parsed(metadata) as { mediaUrl?: unknown; mediaUrls?: unknown } | null;
  return urlsIn(Array.isArray(m?.mediaUrls) ? m.mediaUrls : [m?.mediaUrl]);
}

/** An inbound message's stored list (InboundMessage.mediaUrls, JSON); empty when none or unreadable. */
export function mediaListOf(json: string | null | undefined): string[] {
  return urlsIn(parsed(json));
}

/** Twilio's inbound media fields: MediaUrl0 … MediaUrl{NumMedia-1} (at most 10), in order. */
export function inboundMediaUrls(params: Record<string, unknown>): string[] {
  return urlsIn(Array.from({ length: MAX_MEDIA }, (_, i) => params[`MediaUrl${i}`]));
}
