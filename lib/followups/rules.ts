// Follow-up rules: the defaults, editable per client in its settings (`followUps`).
import { z } from "zod";

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
  })
  .default({} as never);

export type FollowUpRules = z.infer<typeof followUpRulesSchema>;

export function rulesFromSettings(settings: { followUps?: unknown }): FollowUpRules {
  const parsed = followUpRulesSchema.safeParse(settings.followUps ?? {});
  return parsed.success ? parsed.data : followUpRulesSchema.parse({});
}
