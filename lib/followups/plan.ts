// Which follow-ups a call deserves, and when. Pure: no database, no clock of its own.
import { DateTime } from "luxon";
import type { CallPayload } from "../schemas/call-webhook";
import type { Channel, Category } from "../domain/words";
import { channelGroupOf, type FollowUpRules } from "./rules";
import { zoneOrNull } from "../compliance/zone-or-null";

export interface CallFacts {
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  /** IANA zone of the customer: call.metadata.customer_timezone, else the analysis / dynamic variables. */
  customerTimezone: string | null;
  intent: string | null;
  booked: boolean;
  appointmentTime: Date | null;
  custom: Record<string, unknown>;
}

export interface PlannedFollowUp {
  kind: string;
  channel: Channel;
  category: Category;
  to: string;
  scheduledFor: Date;
}

export interface SkippedFollowUp {
  kind: string;
  channel: Channel;
  reason: string;
}

export interface FollowUpPlan {
  outcome: "booked" | "interested" | "not_connected" | "none";
  planned: PlannedFollowUp[];
  skipped: SkippedFollowUp[];
}

const truthy = (v: unknown) => v === true || (typeof v === "string" && ["true", "yes", "1"].includes(v.toLowerCase()));
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** Reads the analysis fields, falling back from custom analysis to the dynamic variables. */
export function extractCallFacts(call: CallPayload): CallFacts {
  const sources = [call.call_analysis?.custom_analysis_data, call.collected_dynamic_variables, call.retell_llm_dynamic_variables].filter(Boolean) as Record<string, unknown>[];
  const pick = (key: string) => sources.map((s) => s[key]).find((v) => v !== undefined && v !== null && v !== "");
  const when = text(pick("appointment_time"));
  const parsed = when ? DateTime.fromISO(when, { setZone: true }) : null;
  const phone = call.direction === "outbound" ? call.to_number : call.from_number;
  return {
    customerName: text(pick("customer_name")),
    customerEmail: text(pick("customer_email")),
    customerPhone: phone && /^\+[1-9]\d{6,14}$/.test(phone) ? phone : null,
    customerTimezone: zoneOrNull(call.metadata?.customer_timezone) ?? zoneOrNull(pick("customer_timezone")),
    intent: text(pick("intent"))?.toLowerCase() ?? null,
    booked: truthy(pick("appointment_booked")),
    appointmentTime: parsed?.isValid ? parsed.toJSDate() : null,
    custom: Object.assign({}, ...sources.slice().reverse()),
  };
}

/** A phone follow-up's channel: the kind's rule, WhatsApp only when the client has a WhatsApp sender. */
export function phoneChannelFor(kind: string, rules: FollowUpRules, hasWhatsAppSender: boolean): "sms" | "whatsapp" {
  const group = channelGroupOf(kind);
  return group && rules.channels?.[group] === "whatsapp" && hasWhatsAppSender ? "whatsapp" : "sms";
}

export function planFollowUps(call: CallPayload, facts: CallFacts, rules: FollowUpRules, now: Date, senders: { whatsapp: boolean } = { whatsapp: false }): FollowUpPlan {
  const planned: PlannedFollowUp[] = [];
  const skipped: SkippedFollowUp[] = [];
  const add = (kind: string, requested: Channel, category: Category, at: Date) => {
    const channel = requested === "sms" ? phoneChannelFor(kind, rules, senders.whatsapp) : requested;
    const to = channel === "email" ? facts.customerEmail : facts.customerPhone;
    if (!to) {
      skipped.push({ kind, channel, reason: channel === "email" ? "no email address for the customer" : "no valid phone number for the customer" });
      return;
    }
    planned.push({ kind, channel, category, to, scheduledFor: at });
  };

  const notConnected =
    (call.disconnection_reason && rules.notConnected.reasons.includes(call.disconnection_reason)) || call.call_analysis?.in_voicemail === true;
  if (notConnected) {
    if (rules.notConnected.missedCallSms) add("missed_call", "sms", "marketing", now);
    return { outcome: "not_connected", planned, skipped };
  }

  if (facts.booked) {
    if (rules.booked.confirmationSms) add("confirmation", "sms", "transactional", now);
    if (rules.booked.confirmationEmail) add("confirmation", "email", "transactional", now);
    if (!facts.appointmentTime) {
      skipped.push({ kind: "reminder", channel: "sms", reason: "booked without a valid appointment_time" });
    } else {
      for (const hours of rules.booked.reminderHoursBefore) {
        const at = new Date(facts.appointmentTime.getTime() - hours * 3_600_000);
        const kind = `reminder_${hours}h`;
        if (at.getTime() <= now.getTime()) skipped.push({ kind, channel: "sms", reason: "the reminder time has already passed" });
        else add(kind, "sms", "transactional", at);
      }
    }
    return { outcome: "booked", planned, skipped };
  }

  if (facts.intent && rules.interested.intents.includes(facts.intent)) {
    const days = (d: number) => new Date(now.getTime() + d * 86_400_000);
    if (rules.interested.nurtureSmsAfterDays) add("nurture_day1", "sms", "marketing", days(rules.interested.nurtureSmsAfterDays));
    if (rules.interested.nurtureEmailAfterDays) add("nurture_day4", "email", "marketing", days(rules.interested.nurtureEmailAfterDays));
    return { outcome: "interested", planned, skipped };
  }
  return { outcome: "none", planned, skipped };
}
