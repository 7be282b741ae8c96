// Message schemas shared by the API routes, the console's compose form and the queue.
import { z } from "zod";
import { CATEGORIES, CHANNELS, ERROR_CLASSES, MESSAGE_STATUSES } from "../domain/words";
import { timezoneSchema } from "./client";
import { mediaInputSchema } from "../messages/media";

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const channelSchema = z.enum(CHANNELS);
export const statusSchema = z.enum(MESSAGE_STATUSES);

/** Checks a recipient against its channel; returns an error message or null. */
export function recipientProblem(channel: string, to: string): string | null {
  if (channel === "email") return EMAIL.test(to) ? null : "invalid email address";
  const phone = channel === "whatsapp" ? to.replace(/^whatsapp:/, "") : to;
  return E164.test(phone) ? null : "invalid phone number (E.164, e.g. +15551234567)";
}

export const messageInputSchema = z
  .object({
    clientId: z.string().min(1).max(100),
    channel: channelSchema,
    to: z.string().trim().min(1).max(320),
    subject: z.string().max(998).optional(),
    body: z.string().min(1).max(10_000).optional(),
    template: z.string().min(1).max(100).optional(),
    variables: z.record(z.string(), z.unknown()).optional(),
    category: z.enum(CATEGORIES).default("transactional"),
    kind: z.string().min(1).max(50).optional(),
    scheduledFor: z.iso.datetime({ offset: true }).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** A picture or file (or up to ten) to attach: MMS on SMS, media on WhatsApp (Twilio's MediaUrl). */
    mediaUrl: mediaInputSchema.optional(),
    /** What the caller knows of the recipient: `timezone` (IANA) is stored on the customer and used for quiet hours. */
    customer: z.object({ timezone: timezoneSchema.optional() }).strict().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const problem = recipientProblem(m.channel, m.to);
    if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: problem });
    if (!m.body && !m.template && !m.mediaUrl) ctx.addIssue({ code: "custom", path: ["body"], message: "either body, template or mediaUrl is required" });
    if (m.mediaUrl && m.channel === "email") ctx.addIssue({ code: "custom", path: ["mediaUrl"], message: "media is sent by SMS (MMS) or WhatsApp, not email" });
    if (m.channel === "email" && !m.subject && !m.template) {
      ctx.addIssue({ code: "custom", path: ["subject"], message: "an email needs a subject" });
    }
  });

export type ValidMessageInput = z.output<typeof messageInputSchema>;

export const batchInputSchema = z.object({
  messages: z.array(z.unknown()).min(1).max(1000),
});

export const retryEditSchema = z
  .object({
    body: z.string().min(1).max(10_000).optional(),
    subject: z.string().min(1).max(998).optional(),
    to: z.string().trim().min(1).max(320).optional(),
  })
  .strict();
export type RetryEdit = z.infer<typeof retryEditSchema>;

/**
 * `status=sent,delivered,read`: one status or several, comma-separated (the console's Sent tab
 * shows all three). Parsed to the `{in: [...]}` filter the list query puts in its where clause.
 */
export const statusListSchema = z
  .string()
  .transform((text) => text.split(",").map((s) => s.trim()))
  .pipe(z.array(statusSchema).min(1))
  .transform((statuses) => ({ in: [...new Set(statuses)] }));

/** An instant (ISO-8601 with offset) or a day (`2026-12-01`, read as UTC midnight). */
const instantSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "a date (2026-12-01) or an ISO-8601 time" }).transform((text) => new Date(text));

/** The filters every message list shares: the console's list, its CSV export. */
export const messageFilterSchema = z.object({
  status: statusListSchema.optional(),
  channel: channelSchema.optional(),
  clientId: z.string().min(1).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** Created at or after. */
  from: instantSchema.optional(),
  /** Created before. */
  until: instantSchema.optional(),
  provider: z.string().trim().min(1).max(50).optional(),
  /** Messages with at least one failed attempt of this class. */
  errorClass: z.enum(ERROR_CLASSES).optional(),
  /** Text found in the name, phone or email of the message's customer. */
  customer: z.string().trim().min(1).max(200).optional(),
});
export type MessageFilterQuery = z.infer<typeof messageFilterSchema>;

export const listQuerySchema = messageFilterSchema.extend({
  cursor: z.string().regex(/^msg_[0-9a-f]+$/, "invalid cursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const timeseriesQuerySchema = z.object({
  clientId: z.string().min(1).optional(),
  hours: z.coerce.number().int().min(1).max(24).default(1),
});

export const scheduledQuerySchema = z.object({
  hours: z.coerce.number().min(1).max(168).default(48),
  clientId: z.string().min(1).optional(),
  channel: channelSchema.optional(),
  customer: z.string().trim().min(1).max(200).optional(),
  /** The real send time's range: at or after `from`, before `until` (which replaces `hours`). */
  from: instantSchema.optional(),
  until: instantSchema.optional(),
  /** The previous page's nextCursor: `<goesAt ISO or "never">_<message id>`. */
  cursor: z.string().regex(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z|never)_msg_[0-9a-f]+$/, "invalid cursor").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(500),
});

export const clientScopeSchema = z.object({ clientId: z.string().min(1).optional() });
