// The codecs of Herald's JSON columns, each validated by its schema (lib/db/json-column.ts).
import { z } from "zod";
import type { Client } from "../generated/sqlite/client";
import { jsonColumn } from "../db/json-column";
import { businessHoursSchema, DEFAULT_BUSINESS_HOURS } from "../schemas/client";

const record = z.record(z.string(), z.unknown());
const templateText = z.object({ subject: z.string().optional(), body: z.string() });

/** A client's settings as read (lenient: what saving validated strictly, plus older keys such as helpText). */
const storedSettingsSchema = z
  .object({
    templates: z.record(z.string(), templateText).optional(),
    followUps: z.unknown().optional(),
    locale: z.string().optional(),
    customVariables: z.array(z.string()).optional(),
    pricesCents: z.object({ sms: z.number(), whatsapp: z.number(), email: z.number() }).partial().optional(),
    helpText: z.string().optional(),
    compliance: z.unknown().optional(),
    whatsappTemplates: z.unknown().optional(),
  })
  .passthrough();
export type StoredClientSettings = z.infer<typeof storedSettingsSchema>;

export const decodeRecord = jsonColumn(record, {} as Record<string, unknown>);
export const decodeStringList = jsonColumn(z.array(z.string()), [] as string[]);
export const decodeSettings = jsonColumn(storedSettingsSchema, {} as StoredClientSettings);
export const decodeBusinessHours = jsonColumn(businessHoursSchema, DEFAULT_BUSINESS_HOURS);

export const clientSettings = (c: Pick<Client, "settings">) => decodeSettings(c.settings);
export const clientBusinessHours = (c: Pick<Client, "businessHours">) => decodeBusinessHours(c.businessHours);
