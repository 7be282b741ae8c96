// The follow-ups of calls whose analysis just became known, for a whole batch: the rows to
// insert, the nurture and reminders a booking supersedes, and what could not be made.
import type { Database } from "../db/client";
import type { Client, Message } from "../generated/sqlite/client";
import { messageRow } from "../queue/message-row";
import { clientSettings } from "../domain/json-columns";
import { planFollowUps, type CallFacts, type FollowUpPlan } from "../followups/plan";
import { rulesFromSettings } from "../followups/rules";
import { followUpVariables, renderFollowUp, type ClientSettings } from "../followups/render";
import type { CallWebhook } from "../schemas/call-webhook";

export type QueuedRow = ReturnType<typeof messageRow>;

export interface Planned {
  rows: QueuedRow[];
  cancelled: Message[];
  outcome: FollowUpPlan["outcome"];
  skipped: FollowUpPlan["skipped"];
}

export interface ToPlan {
  index: number;
  c: CallWebhook["call"];
  now: Date;
  client: Client;
  facts: CallFacts;
  /** The customer's id, new or stored. */
  customerId: string | null;
  /** Stored before this event (only such a customer can have messages to supersede). */
  storedCustomer: boolean;
  phoneSuppressed: boolean;
  emailSuppressed: boolean;
}

export async function planFollowUpRows({ db }: Database, items: ToPlan[], maxAttempts: number): Promise<Map<number, Planned>> {
  const plans = items.map((p) => ({ p, settings: clientSettings(p.client) as ClientSettings }))
    .map(({ p, settings }) => ({ p, settings, rules: rulesFromSettings(settings) }))
    .map((x) => ({ ...x, plan: planFollowUps(x.p.c, x.p.facts, x.rules, x.p.now, { whatsapp: Boolean(x.p.client.whatsappFrom) }) }));
  // A booking replaces this customer's pending nurture and earlier reminders (a new customer has none).
  const bookedCustomers = plans.filter((x) => x.plan.outcome === "booked" && x.p.storedCustomer).map((x) => x.p.customerId!);
  const superseded = bookedCustomers.length
    ? await db.message.findMany({ where: { customerId: { in: bookedCustomers }, status: { in: ["pending", "failed"] }, OR: [{ kind: { startsWith: "nurture" } }, { kind: { startsWith: "reminder_" } }] } })
    : [];

  const out = new Map<number, Planned>();
  for (const { p, settings, rules, plan } of plans) {
    const skipped = [...plan.skipped];
    const variables = followUpVariables(p.client, settings, p.facts, rules.bookingLink);
    const rows = [];
    for (const f of plan.planned) {
      if (f.channel === "email" ? p.emailSuppressed : p.phoneSuppressed) {
        skipped.push({ kind: f.kind, channel: f.channel, reason: "recipient opted out" });
        continue;
      }
      const text = renderFollowUp(f, settings, variables);
      if ("problem" in text) {
        skipped.push({ kind: f.kind, channel: f.channel, reason: text.problem });
        continue;
      }
      rows.push(messageRow({
        clientId: p.client.id, channel: f.channel, to: f.to, subject: text.subject, body: text.body, template: `${f.kind}.${f.channel}`,
        // WhatsApp keeps its variables: if the 24-hour window has closed by send time, the
        // worker renders the approved template (or the SMS fallback) from them (lib/whatsapp/window.ts).
        variables: f.channel === "whatsapp" ? JSON.stringify(variables) : null, category: f.category, kind: f.kind, scheduledFor: f.scheduledFor, maxAttempts,
        idempotencyKey: `call:${p.c.call_id}:${f.kind}:${f.channel}`, metadata: "{}", callId: p.c.call_id, customerId: p.customerId, conversationId: null, // derived from client, channel and recipient by messageRow
      }, p.now));
    }
    const cancelled = plan.outcome === "booked" && p.customerId ? superseded.filter((m) => m.customerId === p.customerId) : [];
    out.set(p.index, { rows, cancelled, outcome: plan.outcome, skipped });
  }
  return out;
}
