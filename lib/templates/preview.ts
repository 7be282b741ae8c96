// Renders a template with sample data, for the console's live preview.
import { clientSettings } from "../domain/json-columns";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Client } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { formatAppointment, type ClientSettings } from "../followups/render";
import { rulesFromSettings } from "../followups/rules";
import { findTemplate } from "./defaults";
import { renderTemplate } from "./render";

export const previewSchema = z
  .object({
    clientId: z.string().min(1).optional(),
    kind: z.string().min(1).max(50).default("confirmation"),
    channel: z.enum(["sms", "email", "whatsapp"]).default("sms"),
    template: z.object({ subject: z.string().max(998).optional(), body: z.string().min(1).max(5000) }).optional(),
    variables: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export function previewTemplate(client: Client | null, input: z.infer<typeof previewSchema>, now = new Date()) {
  const settings = client ? (clientSettings(client) as ClientSettings) : {};
  const template = input.template ?? findTemplate(input.kind, input.channel, settings.templates);
  if (!template) throw new AppError("NOT_FOUND", `no template for ${input.kind}.${input.channel}`);
  const zone = client?.timezone ?? "UTC";
  const appointment = DateTime.fromJSDate(now, { zone }).plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  const variables = {
    customerName: "Alex Sample",
    customerEmail: "alex@example.com",
    customerPhone: "+15551234567",
    businessName: client?.name ?? "Your Business",
    appointmentTime: formatAppointment(appointment, zone, settings.locale),
    bookingLink: (client && rulesFromSettings(settings).bookingLink) || "https://example.com/book",
    ...input.variables,
  };
  return {
    subject: template.subject ? renderTemplate(template.subject, variables) : null,
    body: renderTemplate(template.body, variables),
    variables,
  };
}
