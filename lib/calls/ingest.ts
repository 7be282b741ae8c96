// Call webhook → call, customer and follow-ups, in one transaction per event.
// Each (call_id, event) is recorded once; a redelivered event changes nothing.
import type { Db } from "../db";
import type { Call, Client, Message } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { newId } from "../ids";
import { messageInsert, messageRow } from "../queue/enqueue";
import { parseJson } from "../queue/serialize";
import { extractCallFacts, planFollowUps, type SkippedFollowUp } from "../followups/plan";
import { rulesFromSettings } from "../followups/rules";
import { followUpVariables, renderFollowUp, type ClientSettings } from "../followups/render";
import { CALL_EVENTS, type CallEventName, type CallWebhook } from "../schemas/call-webhook";

export type IngestResult =
  | { status: "ignored"; reason: string }
  | { status: "duplicate" }
  | { status: "recorded"; event: CallEventName; call: Call; queued: Message[]; cancelled: Message[] };

/** The client a call belongs to: metadata.clientId, else the agent id, else the agent's number. */
export async function resolveCallClient(db: Db, call: CallWebhook["call"]): Promise<Client> {
  const byId = typeof call.metadata?.clientId === "string" ? call.metadata.clientId : undefined;
  if (byId) {
    const client = await db.client.findUnique({ where: { id: byId } });
    if (client) return client;
  }
  if (call.agent_id) {
    const client = await db.client.findFirst({ where: { agentIds: { contains: JSON.stringify(call.agent_id) } } });
    if (client) return client;
  }
  const agentNumber = call.direction === "outbound" ? call.from_number : call.to_number;
  if (agentNumber) {
    const client = await db.client.findFirst({ where: { phoneNumbers: { contains: JSON.stringify(agentNumber) } } });
    if (client) return client;
  }
  throw new AppError("NOT_FOUND", `no client matches call ${call.call_id} (metadata.clientId, agent_id ${call.agent_id ?? "-"} or number ${agentNumber ?? "-"})`);
}

const ms = (v: number | undefined) => (typeof v === "number" && v > 0 ? new Date(v) : undefined);

/**
 * Reads first, then writes everything in ONE array-form transaction. No interactive
 * transaction: on SQLite every query shares one connection, so other requests' writes
 * made while an interactive transaction is open would be rolled back with it.
 */
export async function ingestCallEvent(db: Db, body: CallWebhook, opts: { maxAttempts: number; now?: Date }): Promise<IngestResult> {
  const now = opts.now ?? new Date();
  if (!CALL_EVENTS.includes(body.event as CallEventName)) return { status: "ignored", reason: `unknown event ${body.event}` };
  const event = body.event as CallEventName;
  const c = body.call;
  const client = await resolveCallClient(db, c);
  const facts = extractCallFacts(c);
  const settings = parseJson<ClientSettings>(client.settings, {});
  const eventKey = `${c.call_id}:${event}`;
  if (await db.webhookEvent.findUnique({ where: { source_eventKey: { source: "retell", eventKey } } })) return { status: "duplicate" };

  const [existing, knownCustomer] = await Promise.all([
    db.call.findUnique({ where: { callId: c.call_id } }),
    facts.customerPhone ? db.customer.findUnique({ where: { clientId_phone: { clientId: client.id, phone: facts.customerPhone } } }) : null,
  ]);
  const customerId = facts.customerPhone ? knownCustomer?.id ?? newId("cus") : null;
  const status = event === "call_started" ? "ongoing" : event === "call_ended" ? "ended" : "analyzed";
  // A late call_started never moves an ended or analyzed call back.
  const nextStatus = existing?.status === "analyzed" ? "analyzed" : existing?.status === "ended" && status === "ongoing" ? "ended" : status;
  const fields = {
    agentId: c.agent_id ?? null,
    direction: c.direction ?? "inbound",
    fromNumber: c.from_number ?? null,
    toNumber: c.to_number ?? null,
    ...(ms(c.start_timestamp) && { startedAt: ms(c.start_timestamp) }),
    ...(ms(c.end_timestamp) && { endedAt: ms(c.end_timestamp) }),
    ...(c.duration_ms !== undefined && { durationMs: Math.round(c.duration_ms) }),
    ...(c.disconnection_reason && { disconnectionReason: c.disconnection_reason }),
    ...(c.transcript && { transcript: c.transcript }),
    ...(c.call_analysis && { analysis: JSON.stringify(c.call_analysis) }),
    ...(customerId && { customerId }),
  };

  const writes = [];
  writes.push(db.webhookEvent.create({ data: { id: newId("whe"), source: "retell", eventKey, receivedAt: now } }));
  if (facts.customerPhone && customerId) {
    writes.push(db.customer.upsert({
      where: { clientId_phone: { clientId: client.id, phone: facts.customerPhone } },
      create: { id: customerId, clientId: client.id, phone: facts.customerPhone, name: facts.customerName, email: facts.customerEmail },
      update: { ...(facts.customerName && { name: facts.customerName }), ...(facts.customerEmail && { email: facts.customerEmail }) },
    }));
  }
  let planned: { rows: ReturnType<typeof messageRow>[]; cancelled: Message[]; outcome: string; skipped: SkippedFollowUp[] } | null = null;
  const analysisKnown = event === "call_analyzed" || (event === "call_ended" && !!c.call_analysis);
  if (analysisKnown && !existing?.followUpsPlannedAt) planned = await planForCall(db, client, settings, c, facts, customerId, opts.maxAttempts, now);

  const callData = { ...fields, status: nextStatus, ...(planned && { outcome: planned.outcome, followUpsPlannedAt: now, followUpNotes: JSON.stringify({ outcome: planned.outcome, skipped: planned.skipped }) }) };
  writes.push(db.call.upsert({ where: { callId: c.call_id }, create: { id: newId("call"), callId: c.call_id, clientId: client.id, ...callData }, update: callData }));
  if (planned?.cancelled.length) {
    const ids = planned.cancelled.map((m) => m.id);
    writes.push(db.message.updateMany({ where: { id: { in: ids }, status: { in: ["pending", "failed"] } }, data: { status: "cancelled", cancelledAt: now, updatedAt: now } }));
    writes.push(db.messageEvent.createMany({ data: ids.map((id) => ({ id: newId("mev"), messageId: id, status: "cancelled", note: `superseded by booking on call ${c.call_id}`, createdAt: now })) }));
  }
  if (planned?.rows.length) writes.push(messageInsert(db, planned.rows));

  try {
    await db.$transaction(writes);
  } catch (err) {
    // The same event delivered twice at once: the other delivery recorded it.
    if (await db.webhookEvent.findUnique({ where: { source_eventKey: { source: "retell", eventKey } } })) return { status: "duplicate" };
    throw err;
  }
  const call = await db.call.findUniqueOrThrow({ where: { callId: c.call_id } });
  const queued = planned?.rows.length ? await db.message.findMany({ where: { id: { in: planned.rows.map((r) => r.id) } } }) : [];
  return { status: "recorded", event, call, queued, cancelled: (planned?.cancelled ?? []).map((m) => ({ ...m, status: "cancelled" })) };
}

async function planForCall(
  db: Db,
  client: Client,
  settings: ClientSettings,
  c: CallWebhook["call"],
  facts: ReturnType<typeof extractCallFacts>,
  customerId: string | null,
  maxAttempts: number,
  now: Date,
) {
  const rules = rulesFromSettings(settings);
  const plan = planFollowUps(c, facts, rules, now);
  const skipped: SkippedFollowUp[] = [...plan.skipped];
  // A booking replaces this customer's pending nurture and earlier reminders.
  const cancelled =
    plan.outcome === "booked" && customerId
      ? await db.message.findMany({
          where: { customerId, status: { in: ["pending", "failed"] }, OR: [{ kind: { startsWith: "nurture" } }, { kind: { startsWith: "reminder_" } }] },
        })
      : [];
  const suppressed = new Set(
    (await db.suppression.findMany({ where: { clientId: client.id, address: { in: plan.planned.map((p) => p.to) } } })).map((s) => s.address),
  );
  const variables = followUpVariables(client, settings, facts, rules.bookingLink);
  const rows = [];
  for (const p of plan.planned) {
    if (suppressed.has(p.to)) {
      skipped.push({ kind: p.kind, channel: p.channel, reason: "recipient opted out" });
      continue;
    }
    const text = renderFollowUp(p, settings, variables);
    if ("problem" in text) {
      skipped.push({ kind: p.kind, channel: p.channel, reason: text.problem });
      continue;
    }
    rows.push(messageRow({
      clientId: client.id, channel: p.channel, to: p.to, subject: text.subject, body: text.body, template: `${p.kind}.${p.channel}`,
      variables: null, category: p.category, kind: p.kind, scheduledFor: p.scheduledFor, maxAttempts,
      idempotencyKey: `call:${c.call_id}:${p.kind}:${p.channel}`, metadata: "{}", callId: c.call_id, customerId, conversationId: null,
    }, now));
  }
  return { rows, cancelled, outcome: plan.outcome, skipped };
}
