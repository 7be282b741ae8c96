// The compliance part of the gate, per message (after the opt-out check in
// lib/engine/gate.ts): consent on record, quiet hours in the recipient's zone ∩ business
// hours, frequency caps, and the one-click unsubscribe headers of marketing email.
import type { Client, Message } from "../generated/sqlite/client";
import { DateTime } from "luxon";
import { clientBusinessHours, clientSettings } from "../domain/json-columns";
import { nextOpening } from "../followups/business-hours";
import { zoneName } from "../followups/zone-name";
import { complianceOf, type ComplianceSettings } from "./settings";
import { sendWindow } from "./send-window";
import { recipientKey, WEEK_MS, type ComplianceContext } from "./gate-context";
import { unsubscribeHeaders } from "./unsubscribe-link";

export type ComplianceDecision =
  | { action: "send"; headers?: Record<string, string> }
  | { action: "dead_letter"; reason: string }
  | { action: "cancel"; reason: string }
  | { action: "hold"; until: Date; reason: string };

/** Replies to STOP / START / HELP: sent even to a suppressed number (the carriers require them). */
export const KEYWORD_REPLY_KINDS = new Set(["opt_out_confirmation", "opt_in_confirmation", "help_reply"]);

const DAY_MS = 86_400_000;
const CONSENT_RECHECK_MS = 3_600_000;

function at(date: Date, zone: string, locale: string): string {
  return `${DateTime.fromJSDate(date, { zone }).toFormat("ccc d LLL HH:mm")} ${zoneName(date, zone, locale)}`;
}

function consentCheck(m: Message, s: ComplianceSettings, ctx: ComplianceContext, now: Date): ComplianceDecision | null {
  if (!s.marketingRequiresConsent) return null;
  if (ctx.consents.has(recipientKey(m.clientId, m.to, m.channel)) || ctx.consents.has(recipientKey(m.clientId, m.to, "all"))) return null;
  return s.withoutConsent === "hold"
    ? { action: "hold", until: new Date(now.getTime() + CONSENT_RECHECK_MS), reason: "no marketing consent on record (marketingRequiresConsent); held until one is recorded" }
    : { action: "dead_letter", reason: "no marketing consent on record (marketingRequiresConsent)" };
}

/** The send window alone (quiet hours in the recipient's zone ∩ business hours), also read by the schedule (lib/queue/scheduled.ts). */
export function windowCheck(m: Message, client: Client, s: ComplianceSettings, ctx: ComplianceContext, now: Date, locale: string): ComplianceDecision | null {
  if (!s.quietHoursCategories.has(m.category)) return null;
  const hours = m.category === "marketing" ? clientBusinessHours(client) : null;
  const recipient = ctx.recipients.get(m.id);
  if (!recipient) {
    // Email: no telephone-solicitation window; marketing keeps to business hours, as before.
    if (!hours) return null;
    const opening = nextOpening(hours, client.timezone, now);
    if (!opening) return { action: "dead_letter", reason: "no business hours configured for marketing messages" };
    if (opening.getTime() <= now.getTime()) return null;
    return { action: "hold", until: opening, reason: `outside business hours; held until ${at(opening, client.timezone, locale)}` };
  }
  const w = sendWindow({ hours, clientZone: client.timezone, recipient, narrowing: s, locale }, now);
  if (w.open) return null;
  return w.until ? { action: "hold", until: w.until, reason: w.reason } : { action: "dead_letter", reason: w.reason };
}

function capCheck(m: Message, client: Client, s: ComplianceSettings, ctx: ComplianceContext, now: Date, locale: string): ComplianceDecision | null {
  const sends = ctx.recentSends.get(recipientKey(m.clientId, m.to)) ?? [];
  const limits = [
    { n: s.perDay, span: DAY_MS, label: "a day" },
    { n: s.perWeek, span: WEEK_MS, label: "a week" },
  ];
  let until = 0;
  let hit: (typeof limits)[number] | null = null;
  for (const limit of limits) {
    const within = sends.filter((t) => t > now.getTime() - limit.span);
    if (within.length < limit.n) continue;
    if (limit.n === 0) return { action: "dead_letter", reason: `frequency cap: no marketing messages allowed ${limit.label}` };
    const free = within[within.length - limit.n]! + limit.span;
    if (free > until) [until, hit] = [free, limit];
  }
  if (!hit) return null;
  const rule = `frequency cap: at most ${hit.n} marketing message${hit.n === 1 ? "" : "s"} ${hit.label} to this customer`;
  // A rule working as configured, not a failure for a human to fix: the message ends cancelled.
  if (s.excess === "cancel") return { action: "cancel", reason: `${rule}; cancelled` };
  const zone = ctx.recipients.get(m.id)?.zone ?? client.timezone; // said in the customer's time when known
  return { action: "hold", until: new Date(until), reason: `${rule}; held until ${at(new Date(until), zone, locale)}` };
}

export function checkCompliance(m: Message, client: Client, ctx: ComplianceContext, now: Date): ComplianceDecision {
  const s = complianceOf(client);
  const locale = clientSettings(client).locale ?? "en-US";
  if (m.category === "marketing") {
    const refused = consentCheck(m, s, ctx, now) ?? windowCheck(m, client, s, ctx, now, locale) ?? capCheck(m, client, s, ctx, now, locale);
    if (refused) return refused;
    // Counted at once, so a second message to the same customer in this batch meets the cap.
    const key = recipientKey(m.clientId, m.to);
    ctx.recentSends.set(key, [...(ctx.recentSends.get(key) ?? []), now.getTime()]);
    return m.channel === "email" ? { action: "send", headers: unsubscribeHeaders(m.clientId, m.to, client.emailFrom) } : { action: "send" };
  }
  return windowCheck(m, client, s, ctx, now, locale) ?? { action: "send" };
}
