// WhatsApp's 24-hour customer-service window, decided when a WhatsApp message is about to be
// sent (not when it was queued: the window may close while it waits). Inside the window any
// text may go. Outside it WhatsApp takes only an approved template, so the message goes as
// the client's mapped template, or by SMS when the follow-up rules allow it, or is
// dead-lettered at once with the reason: free text would only come back as Twilio's 63016.
// Pure: the worker hands in what it loaded for the batch.
import { FOLLOW_UP_KINDS, findTemplate } from "../templates/defaults";
import { missingVariables, renderTemplate } from "../templates/render";
import { rulesFromSettings } from "../followups/rules";
import { findWhatsAppTemplate, renderContentVariables, templateKindsFor } from "./templates";

export type WhatsAppSend =
  | { mode: "free_text" }
  | { mode: "template"; contentSid: string; contentVariables: Record<string, string>; note: string }
  | { mode: "sms"; to: string; body: string; note: string }
  | { mode: "dead_letter"; reason: string };

export interface WhatsAppSendInput {
  message: { kind: string | null; template: string | null; to: string; variables: string | null };
  /** lastInboundAt + 24 h of the message's conversation (windowClosesAt, lib/conversations/queries.ts); null: the customer never wrote. */
  windowClosesAt: Date | null;
  now: Date;
  client: { name: string; smsFrom: string | null };
  settings: { whatsappTemplates?: unknown; templates?: Record<string, { subject?: string; body: string }>; followUps?: unknown };
  /** The customer opted out of SMS: no fallback to it. */
  smsSuppressed: boolean;
}

const CLOSED = "WhatsApp's 24-hour window is closed";

/** The kind a template is mapped by: the message's kind, else its template's ("confirmation.whatsapp" → confirmation). */
export function kindOf(m: { kind: string | null; template: string | null }): string | null {
  return m.kind ?? (m.template ? m.template.split(".")[0]! : null);
}

function variablesOf(m: WhatsAppSendInput["message"], businessName: string): Record<string, unknown> {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(m.variables ?? "{}");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    // unreadable variables: the template's placeholders will say what is missing
  }
  return { businessName, ...stored };
}

/** The follow-up's SMS text, when its rules let a closed window fall back to SMS. */
function smsFallback(input: WhatsAppSendInput, kind: string | null, variables: Record<string, unknown>): { body: string } | { why: string } {
  if (!kind || !(FOLLOW_UP_KINDS as readonly string[]).includes(kind)) return { why: "only follow-ups fall back to SMS" };
  if (!rulesFromSettings(input.settings).whatsappSmsFallback) return { why: "the follow-up rules do not allow SMS instead" };
  if (!input.client.smsFrom) return { why: "the client has no SMS sender" };
  if (input.smsSuppressed) return { why: "the customer opted out of SMS" };
  const template = findTemplate(kind, "sms", input.settings.templates);
  if (!template || missingVariables(template.body, variables).length) return { why: `no SMS text for '${kind}'` };
  return { body: renderTemplate(template.body, variables) };
}

export function decideWhatsAppSend(input: WhatsAppSendInput): WhatsAppSend {
  if (input.windowClosesAt && input.windowClosesAt.getTime() > input.now.getTime()) return { mode: "free_text" };
  const kind = kindOf(input.message);
  const variables = variablesOf(input.message, input.client.name);
  const mapped = findWhatsAppTemplate(kind, input.settings.whatsappTemplates);
  let problem = kind ? `no approved template is mapped for '${templateKindsFor(kind).join("' or '")}'` : "the message has no kind to map an approved template by";
  if (mapped) {
    const rendered = renderContentVariables(mapped.template, variables);
    if ("ok" in rendered) {
      return { mode: "template", contentSid: mapped.template.contentSid, contentVariables: rendered.ok, note: `${CLOSED}: sent as the approved template for '${mapped.kind}' (${mapped.template.contentSid})` };
    }
    problem = `the approved template for '${mapped.kind}' has no value for ${rendered.missing.join(", ")}`;
  }
  const sms = smsFallback(input, kind, variables);
  if ("body" in sms) return { mode: "sms", to: input.message.to.replace(/^whatsapp:/, ""), body: sms.body, note: `${CLOSED} and ${problem}: sent by SMS instead` };
  return { mode: "dead_letter", reason: `${CLOSED} and ${problem} (not sent by SMS instead: ${sms.why})` };
}
