// The shape of settings.compliance as saved (strict); defaults are filled in ./settings.ts.
// Kept apart from it so lib/schemas/client.ts can import it without an import cycle.
import { z } from "zod";
import { CATEGORIES } from "../domain/words";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const time = z.string().regex(TIME, "must be a 24-hour time such as 08:30");
const text = z.string().trim().min(1).max(640);

export const complianceSettingsSchema = z
  .object({
    /** Categories held to quiet hours in the recipient's zone; marketing always is. */
    quietHoursCategories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length).optional(),
    /** A stricter window in the recipient's local time; it can only narrow the legal one. */
    quietHours: z
      .object({ notBefore: time.optional(), notAfter: time.optional() })
      .strict()
      .refine((w) => !TIME.test(w.notBefore ?? "") || !TIME.test(w.notAfter ?? "") || w.notBefore! < w.notAfter!, { message: "the earliest time must be before the latest", path: ["notAfter"] })
      .optional(),
    /** true: the provider answers STOP/START/HELP itself (Twilio Advanced Opt-Out); Herald stays silent. */
    providerHandlesOptOut: z.boolean().optional(),
    stopText: text.optional(),
    startText: text.optional(),
    helpText: text.optional(),
    /** Named in the HELP answer: a phone number, an address or a web page. */
    contact: z.string().trim().min(1).max(200).optional(),
    /** Marketing needs a consent on record; without one it is held ("hold") or refused ("refuse"). */
    marketingRequiresConsent: z.boolean().optional(),
    withoutConsent: z.enum(["hold", "refuse"]).optional(),
    /** Marketing messages per customer in any 24 hours / any 7 days; the excess waits or is cancelled. */
    frequencyCap: z
      .object({ perDay: z.number().int().min(0).max(100).optional(), perWeek: z.number().int().min(0).max(500).optional(), excess: z.enum(["wait", "cancel"]).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type ComplianceSettingsInput = z.infer<typeof complianceSettingsSchema>;

/** The STOP / START / HELP answers a client gets when it has written none (the console shows them as placeholders). */
export function defaultKeywordTexts(business: string, contact?: string): { stopText: string; startText: string; helpText: string } {
  return {
    stopText: `You're unsubscribed from ${business}. No more messages. Reply START to resubscribe.`,
    startText: `You're resubscribed to ${business}. Reply STOP to unsubscribe.`,
    helpText: `${business}:${contact ? ` Help: ${contact}.` : " reply to this number for help."} Reply STOP to unsubscribe, START to resubscribe.`,
  };
}
