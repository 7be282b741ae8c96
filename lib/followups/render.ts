// Renders a planned follow-up's text from the client's template, in the client's zone and locale.
import { DateTime } from "luxon";
import type { Client } from "../generated/sqlite/client";
import { findTemplate, type TemplateText } from "../templates/defaults";
import { missingVariables, renderTemplate } from "../templates/render";
import type { CallFacts, PlannedFollowUp } from "./plan";
import { zoneName } from "./zone-name";

export interface ClientSettings {
  templates?: Record<string, TemplateText>;
  locale?: string;
  followUps?: unknown;
}

/** "Wednesday, May 8 at 11:30 AM EDT", in the client's zone and locale. */
export function formatAppointment(at: Date, zone: string, locale = "en-US"): string {
  return `${DateTime.fromJSDate(at, { zone }).setLocale(locale).toFormat("cccc, LLLL d 'at' h:mm a")} ${zoneName(at, zone, locale)}`;
}

/**
 * What a follow-up's template may use. An unknown name or booking link has no value: Herald's
 * templates leave out the words about it (`[[, {{customerName}}]]`); a client's own template
 * that needs one anyway gets the old stand-in, through `fallbacks`.
 */
export function followUpVariables(client: Client, settings: ClientSettings, facts: CallFacts, bookingLink: string): Record<string, unknown> {
  return {
    ...facts.custom,
    customerName: facts.customerName ?? undefined,
    customerEmail: facts.customerEmail ?? undefined,
    customerPhone: facts.customerPhone ?? undefined,
    businessName: client.name,
    appointmentTime: facts.appointmentTime ? formatAppointment(facts.appointmentTime, client.timezone, settings.locale) : undefined,
    bookingLink: bookingLink || undefined,
  };
}

/** Stand-ins for a client template that names an unknown value outside an optional part. */
const FALLBACKS: Record<string, string> = { customerName: "there", bookingLink: "(call us back)" };

function withFallbacks(text: string, variables: Record<string, unknown>): Record<string, unknown> {
  const filled = { ...variables };
  for (const name of missingVariables(text, variables)) if (FALLBACKS[name] !== undefined) filled[name] = FALLBACKS[name];
  return filled;
}

/** The subject and body, or the reason it cannot be rendered. */
export function renderFollowUp(
  p: PlannedFollowUp,
  settings: ClientSettings,
  variables: Record<string, unknown>,
): { subject: string | null; body: string } | { problem: string } {
  const template = findTemplate(p.kind, p.channel, settings.templates);
  if (!template) return { problem: `no template for ${p.kind}.${p.channel}` };
  const body = withFallbacks(template.body, variables);
  const subject = withFallbacks(template.subject ?? "", variables);
  const missing = [...missingVariables(template.body, body), ...missingVariables(template.subject ?? "", subject)];
  if (missing.length) return { problem: `template variable(s) without a value: ${[...new Set(missing)].join(", ")}` };
  return { subject: template.subject ? renderTemplate(template.subject, subject) : null, body: renderTemplate(template.body, body) };
}
