// Follow-up rules: the defaults, editable per client in its settings (`followUps`).
import { z } from "zod";

const phoneChannel = z.enum(["sms", "whatsapp"]);
export type PhoneChannel = z.infer<typeof phoneChannel>;

/** The rule group a follow-up kind's channel is chosen by. */
export function channelGroupOf(kind: string): "confirmation" | "reminder" | "nurture" | "missedCall" | null {
  if (kind === "confirmation") return "confirmation";
  if (kind.startsWith("reminder")) return "reminder";
  if (kind.startsWith("nurture")) return "nurture";
  if (kind === "missed_call") return "missedCall";
  return null;
}

export const followUpRulesSchema = z
  .object({
    booked: z
      .object({
        confirmationSms: z.boolean().default(true),
        confirmationEmail: z.boolean().default(true),
        reminderHoursBefore: z.array(z.number().positive().max(24 * 14)).max(5).default([24, 1]),
      })
      .default({ confirmationSms: true, confirmationEmail: true, reminderHoursBefore: [24, 1] }),
    interested: z
      .object({
        intents: z.array(z.string().min(1)).default(["booking_request", "inquiry", "pricing"]),
        nurtureSmsAfterDays: z.number().positive().max(60).nullable().default(1),
        nurtureEmailAfterDays: z.number().positive().max(60).nullable().default(4),
      })
      .default({ intents: ["booking_request", "inquiry", "pricing"], nurtureSmsAfterDays: 1, nurtureEmailAfterDays: 4 }),
    notConnected: z
      .object({
        reasons: z.array(z.string().min(1)).default(["dial_no_answer", "dial_busy", "voicemail_reached"]),
        missedCallSms: z.boolean().default(true),
      })
      .default({ reasons: ["dial_no_answer", "dial_busy", "voicemail_reached"], missedCallSms: true }),
    bookingLink: z.string().max(500).default(""),
    /**
     * The phone channel of each follow-up kind. WhatsApp is used only when the client has a
     * WhatsApp sender (whatsappFrom); otherwise the follow-up goes by SMS.
     */
    channels: z
      .object({ confirmation: phoneChannel, reminder: phoneChannel, nurture: phoneChannel, missedCall: phoneChannel })
      .partial()
      .default({}),
    /**
     * When WhatsApp's 24-hour window has closed by send time and no approved template is
     * mapped for the kind, send the follow-up by SMS (if the client has an SMS sender)
     * instead of dead-lettering it.
     */
    whatsappSmsFallback: z.boolean().default(true),
  })
  .default({} as never);

export type FollowUpRules = z.infer<typeof followUpRulesSchema>;

export function rulesFromSettings(settings: { followUps?: unknown }): FollowUpRules {
  const parsed = followUpRulesSchema.safeParse(settings.followUps ?? {});
  return parsed.success ? parsed.data : followUpRulesSchema.parse({});
}
