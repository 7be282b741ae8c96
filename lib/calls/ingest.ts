// Call webhook → call, customer and follow-ups, in one transaction per event.
// Each (call_id, event) is recorded once; a redelivered event changes nothing.
import type { Db } from "../db";
import type { Call, Client, Message } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { newId } from "../ids";
import { messageRow, queuedHistory } from "../queue/enqueue";
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

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === "P2002";
}

export async function ingestCallEvent(db: Db, body: CallWebhook, opts: { maxAttempts: number; now?: Date }): Promise<IngestResult> {
  const now = opts.now ?? new Date();
  if (!CALL_EVENTS.includes(body.event as CallEventName)) return { status: "ignored", reason: `unknown event ${body.event}` };
  const event = body.event as CallEventName;
  const c = body.call;
  const client = await resolveCallClient(db, c);
  const facts = extractCallFacts(c);
  const settings = parseJson<ClientSettings>(client.settings, {});
  try {
    return await db.$transaction(async (tx) => {
      await tx.webhookEvent.create({ data: { id: newId("whe"), source: "retell", eventKey: `${c.call_id}:${event}`, receivedAt: now } });
      const customer = facts.customerPhone
        ? await tx.customer.upsert({
            where: { clientId_phone: { clientId: client.id, phone: facts.customerPhone } },
            create: { id: newId("cus"), clientId: client.id, phone: facts.customerPhone, name: facts.customerName, email: facts.customerEmail },
            update: { ...(facts.customerName && { name: facts.customerName }), ...(facts.customerEmail && { email: facts.customerEmail }) },
          })
        : null;
      const status = event === "call_started" ? "ongoing" : event === "call_ended" ? "ended" : "analyzed";
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
        ...(customer && { customerId: customer.id }),
      };
      const existing = await tx.call.findUnique({ where: { callId: c.call_id } });
      // A late call_started never moves an ended or analyzed call back.
      const nextStatus = existing && existing.status === "analyzed" ? "analyzed" : existing?.status === "ended" && status === "ongoing" ? "ended" : status;
      let call = existing
        ? await tx.call.update({ where: { id: existing.id }, data: { ...fields, status: nextStatus } })
        : await tx.call.create({ data: { id: newId("call"), callId: c.call_id, clientId: client.id, status, ...fields } });

      const queued: Message[] = [];
      const cancelled: Message[] = [];
      const analysisKnown = event === "call_analyzed" || (event === "call_ended" && !!c.call_analysis);
      if (analysisKnown && !call.followUpsPlannedAt) {
        const rules = rulesFromSettings(settings);
        const plan = planFollowUps(c, facts, rules, now);
        const skipped: SkippedFollowUp[] = [...plan.skipped];
        if (plan.outcome === "booked" && customer) {
          // A booking replaces this customer's pending nurture and earlier reminders.
          const stale = await tx.message.findMany({
            where: { customerId: customer.id, status: { in: ["pending", "failed"] }, OR: [{ kind: { startsWith: "nurture" } }, { kind: { startsWith: "reminder_" } }] },
          });
          if (stale.length) {
            await tx.message.updateMany({ where: { id: { in: stale.map((m) => m.id) } }, data: { status: "cancelled", cancelledAt: now, updatedAt: now } });
            await tx.messageEvent.createMany({ data: stale.map((m) => ({ id: newId("mev"), messageId: m.id, status: "cancelled", note: `superseded by booking on call ${c.call_id}`, createdAt: now })) });
            cancelled.push(...stale.map((m) => ({ ...m, status: "cancelled" })));
          }
        }
        const suppressed = new Set(
          (await tx.suppression.findMany({ where: { clientId: client.id, address: { in: plan.planned.map((p) => p.to) } } })).map((s) => s.address),
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
            variables: null, category: p.category, kind: p.kind, scheduledFor: p.scheduledFor, maxAttempts: opts.maxAttempts,
            idempotencyKey: `call:${c.call_id}:${p.kind}:${p.channel}`, metadata: "{}", callId: c.call_id, customerId: customer?.id ?? null, conversationId: null,
          }, now));
        }
        if (rows.length) {
          await tx.message.createMany({ data: rows });
          await tx.messageEvent.createMany({ data: queuedHistory(rows, now, `planned from call ${c.call_id}`) });
          queued.push(...(await tx.message.findMany({ where: { id: { in: rows.map((r) => r.id) } } })));
        }
        call = await tx.call.update({
          where: { id: call.id },
          data: { outcome: plan.outcome, followUpsPlannedAt: now, followUpNotes: JSON.stringify({ outcome: plan.outcome, skipped }) },
        });
      }
      return { status: "recorded" as const, event, call, queued, cancelled };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { status: "duplicate" };
    throw err;
  }
}
