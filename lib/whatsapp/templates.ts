// A client's approved WhatsApp templates, per template kind (settings.whatsappTemplates):
// the Twilio Content SID Meta approved, and what each of its numbered placeholders is filled
// with, written in Herald's own {{variable}} syntax, e.g.
//   {confirmation: {contentSid: "HX…", variables: {"1": "{{customerName}}", "2": "{{appointmentTime}}"}}}
// Outside WhatsApp's 24-hour window only such a template may be sent (lib/whatsapp/window.ts).
import { z } from "zod";
import { missingVariables, renderTemplate, templateVariables } from "../templates/render";

export const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;

export const whatsappTemplateSchema = z
  .object({
    contentSid: z.string().trim().regex(CONTENT_SID, "a Twilio Content SID: HX and 32 hex digits"),
    variables: z.record(z.string().regex(/^[1-9]\d?$/, "placeholders are numbered 1, 2, 3 …"), z.string().min(1).max(1000)).default({}),
  })
  .strict();
export type WhatsAppTemplate = z.infer<typeof whatsappTemplateSchema>;

/** Keys are template kinds (confirmation, reminder, reminder_24h, nurture_day1, conversation_reply …). */
export const whatsappTemplatesSchema = z.record(z.string().regex(/^[a-z0-9_]+$/, "a template kind: lower case, digits and _"), whatsappTemplateSchema);
export type WhatsAppTemplates = z.infer<typeof whatsappTemplatesSchema>;

/** The kinds looked up for a message, most specific first: reminder_24h, then reminder. */
export function templateKindsFor(kind: string): string[] {
  return kind.startsWith("reminder_") ? [kind, "reminder"] : [kind];
}

/** The template mapped for a kind, and the kind it was mapped under. */
export function findWhatsAppTemplate(kind: string | null, templates: unknown): { kind: string; template: WhatsAppTemplate } | null {
  if (!kind) return null;
  const parsed = whatsappTemplatesSchema.safeParse(templates ?? {});
  if (!parsed.success) return null;
  for (const k of templateKindsFor(kind)) {
    const template = parsed.data[k];
    if (template) return { kind: k, template };
  }
  return null;
}

/**
 * Herald's variables also answer by their snake_case names ({{customer_name}} = {{customerName}}),
 * the spelling Twilio's own template editor suggests.
 */
function withSnakeCase(variables: Record<string, unknown>): Record<string, unknown> {
  const out = { ...variables };
  for (const [name, value] of Object.entries(variables)) {
    const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (out[snake] === undefined) out[snake] = value;
  }
  return out;
}

/** ContentVariables for Twilio, or the names that have no value (WhatsApp refuses an empty placeholder). */
export function renderContentVariables(template: WhatsAppTemplate, variables: Record<string, unknown>): { ok: Record<string, string> } | { missing: string[] } {
  const values = withSnakeCase(variables);
  const missing = Object.values(template.variables).flatMap((text) => missingVariables(text, values));
  if (missing.length) return { missing: [...new Set(missing)] };
  const ok: Record<string, string> = {};
  for (const [n, text] of Object.entries(template.variables)) {
    const rendered = renderTemplate(text, values).trim();
    if (!rendered) return { missing: templateVariables(text).length ? templateVariables(text) : [`placeholder ${n}`] };
    ok[n] = rendered;
  }
  return { ok };
}
