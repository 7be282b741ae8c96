// Client (tenant) schemas shared by the API and the console.
import { z } from "zod";
import { IANAZone } from "luxon";
import { KNOWN_VARIABLES } from "../templates/defaults";
import { templateVariables } from "../templates/render";
import { followUpRulesSchema } from "../followups/rules";
import { complianceSettingsSchema } from "../compliance/settings-schema";
import { whatsappTemplatesSchema } from "../whatsapp/templates";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "time must be HH:MM");
const window = z
  .object({ open: time, close: time })
  .refine((w) => w.open < w.close, { message: "open must be before close" });

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export const businessHoursSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(window).max(6).default([])])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodDefault<z.ZodArray<typeof window>>
  >,
);
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const nineToFive = [{ open: "09:00", close: "17:00" }];
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [],
};

export const timezoneSchema = z.string().refine((tz) => IANAZone.isValidZone(tz), "unknown IANA timezone");
const timezone = timezoneSchema;
const phone = z.string().regex(/^\+[1-9]\d{6,14}$/, "invalid phone number (E.164)");

const templateText = z.object({ subject: z.string().max(998).optional(), body: z.string().min(1).max(5000) }).strict();
const templateKey = z.string().regex(/^[a-z0-9_]+\.(sms|email|whatsapp)$/, "template keys look like kind.channel, e.g. confirmation.sms");

export const clientSettingsSchema = z
  .object({
    templates: z.record(templateKey, templateText).optional(),
    followUps: followUpRulesSchema.optional(),
    locale: z.string().min(2).max(20).optional(),
    customVariables: z.array(z.string().regex(/^[a-zA-Z_]\w*$/)).max(50).optional(),
    pricesCents: z.object({ sms: z.number().min(0), whatsapp: z.number().min(0), email: z.number().min(0) }).partial().optional(),
    compliance: complianceSettingsSchema.optional(),
    /** Approved WhatsApp templates per kind, sent when the 24-hour window is closed (lib/whatsapp/templates.ts). */
    whatsappTemplates: whatsappTemplatesSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    // A template naming an unknown variable is refused when saved, not when sent.
    const allowed = new Set([...KNOWN_VARIABLES, ...(s.customVariables ?? [])]);
    for (const [key, t] of Object.entries(s.templates ?? {})) {
      const unknown = [...templateVariables(t.body), ...templateVariables(t.subject ?? "")].filter((v) => !allowed.has(v));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", path: ["templates", key], message: `unknown variable(s): ${[...new Set(unknown)].join(", ")} (known: ${[...allowed].join(", ")})` });
      }
      if (key.endsWith(".email") && !t.subject) ctx.addIssue({ code: "custom", path: ["templates", key, "subject"], message: "an email template needs a subject" });
    }
    // The same for a WhatsApp template's placeholders (snake_case spellings answer too).
    const snake = (v: string) => v.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const known = new Set([...allowed, ...[...allowed].map(snake)]);
    for (const [kind, t] of Object.entries(s.whatsappTemplates ?? {})) {
      for (const [n, text] of Object.entries(t.variables)) {
        const unknown = templateVariables(text).filter((v) => !known.has(v));
        if (unknown.length) ctx.addIssue({ code: "custom", path: ["whatsappTemplates", kind, "variables", n], message: `unknown variable(s): ${[...new Set(unknown)].join(", ")} (known: ${[...allowed].join(", ")})` });
      }
    }
  });

export const clientCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    timezone,
    businessHours: businessHoursSchema.optional(),
    smsFrom: phone.nullish(),
    whatsappFrom: z.string().regex(/^whatsapp:\+[1-9]\d{6,14}$/, "must be whatsapp:+E164").nullish(),
    emailFrom: z.string().email().nullish(),
    agentIds: z.array(z.string().min(1).max(200)).max(100).optional(),
    phoneNumbers: z.array(phone).max(100).optional(),
    settings: clientSettingsSchema.optional(),
  })
  .strict();

export const clientUpdateSchema = clientCreateSchema.partial().strict();

export type ClientCreate = z.infer<typeof clientCreateSchema>;
export type ClientUpdate = z.infer<typeof clientUpdateSchema>;
