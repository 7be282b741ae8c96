// Call events → calls, customers and follow-ups. Many events are written together: a
// handful of reads and ONE array transaction of raw statements for the whole batch (no
// interactive transaction: on SQLite every query shares one connection). Each
// (call_id, event) is recorded once; a redelivered event changes nothing.
import type { Database } from "../db/client";
import type { Call, Client } from "../generated/sqlite/client";
import { newId } from "../ids";
import { enqueueTransitions, messageWritesSql, wakeOthersIfDue } from "../queue/enqueue";
import { supersedeStatements } from "../queue/supersede";
import type { Transition } from "../queue/transitions";
import { runTransaction } from "../db/direct";
import { extractCallFacts, type CallFacts } from "../followups/plan";
import { planFollowUpRows, type Planned, type QueuedRow } from "./plan-round";
import { CALL_EVENTS, type CallEventName, type CallWebhook } from "../schemas/call-webhook";
import { resolveCallClients } from "./resolve-client";
import {
  insertWebhookEvents, readEventStates, recordedEventKeys, upsertCalls, upsertCustomers,
} from "./ingest-sql";

export type CallSummary = Pick<Call, "callId" | "clientId" | "fromNumber" | "toNumber" | "direction" | "status" | "durationMs">;
export type IngestResult =
  | { status: "ignored"; reason: string }
  | { status: "duplicate" }
  | { status: "recorded"; event: CallEventName; call: CallSummary; queued: QueuedRow[]; transitions: Transition[] };
export type { QueuedRow };
export type Settled = { ok: true; result: IngestResult } | { ok: false; error: unknown };
export interface CallEventInput {
  body: CallWebhook;
  now: Date;
}

interface Prepared {
  index: number;
  event: CallEventName;
  c: CallWebhook["call"];
  now: Date;
  client: Client;
  facts: CallFacts;
}

const eventKey = (p: Prepared) => `${p.c.call_id}:${p.event}`;
const ms = (v: number | undefined) => (typeof v === "number" && v > 0 ? new Date(v) : null);
const STATUS: Record<CallEventName, string> = { call_started: "ongoing", call_ended: "ended", call_analyzed: "analyzed" };

export async function ingestCallEvent(db: Database, body: CallWebhook, opts: { maxAttempts: number; now?: Date }): Promise<IngestResult> {
  const [settled] = await ingestCallEvents(db, [{ body, now: opts.now ?? new Date() }], opts);
  if (!settled!.ok) throw settled!.error;
  return settled!.result;
}

/** Ingests many events; each settles on its own (an unknown client fails only its event). */
export async function ingestCallEvents(db: Database, inputs: CallEventInput[], opts: { maxAttempts: number }): Promise<Settled[]> {
  const out: Settled[] = new Array(inputs.length);
  let rest: Prepared[] = [];
  const clients = await resolveCallClients(db.db, inputs.map(({ body }) => body.call)); // one lookup for the batch
  for (const [index, { body, now }] of inputs.entries()) {
    if (!CALL_EVENTS.includes(body.event as CallEventName)) {
      out[index] = { ok: true, result: { status: "ignored", reason: `unknown event ${body.event}` } };
      continue;
    }
    try {
      const client = clients[index]!;
      if (client instanceof Error) throw client;
      rest.push({ index, event: body.event as CallEventName, c: body.call, now, client, facts: extractCallFacts(body.call) });
    } catch (error) {
      out[index] = { ok: false, error };
    }
  }
  // Rounds in which no call and no customer appears twice, so events of one call apply in order.
  while (rest.length) {
    const round: Prepared[] = [];
    const later: Prepared[] = [];
    const taken = new Set<string>();
    for (const p of rest) {
      const keys = [`call:${p.c.call_id}`, ...(p.facts.customerPhone ? [`customer:${p.client.id}:${p.facts.customerPhone}`] : [])];
      if (keys.some((k) => taken.has(k))) later.push(p);
      else {
        keys.forEach((k) => taken.add(k));
        round.push(p);
      }
    }
    await settleRound(db, round, opts.maxAttempts, out);
    rest = later;
  }
  return out;
}

/** A failed batch is retried event by event, so one bad event does not fail the others. */
async function settleRound(db: Database, round: Prepared[], maxAttempts: number, out: Settled[]): Promise<void> {
  try {
    const results = await writeRound(db, round, maxAttempts);
    round.forEach((p, k) => (out[p.index] = { ok: true, result: results[k]! }));
  } catch (error) {
    if (round.length > 1) {
      for (const p of round) await settleRound(db, [p], maxAttempts, out);
      return;
    }
    const p = round[0]!;
    // The same event delivered twice at once: the other delivery recorded it.
    const recorded = await recordedEventKeys(db, [eventKey(p)]).catch(() => new Set<string>());
    out[p.index] = recorded.size ? { ok: true, result: { status: "duplicate" } } : { ok: false, error };
  }
}

async function writeRound(db: Database, round: Prepared[], maxAttempts: number): Promise<IngestResult[]> {
  const states = await readEventStates(db, round.map((p) => ({
    eventKey: eventKey(p), callId: p.c.call_id, clientId: p.client.id, phone: p.facts.customerPhone, email: p.facts.customerEmail,
  })));
  const state = (p: Prepared) => states.get(eventKey(p))!;
  const fresh = round.filter((p) => !state(p).recorded);
  const customerIds = new Map(fresh.map((p) => [p.index, p.facts.customerPhone ? state(p).customerId ?? newId("cus") : null]));
  const toPlan = fresh.filter((p) => (p.event === "call_analyzed" || (p.event === "call_ended" && !!p.c.call_analysis)) && !state(p).callPlanned);
  const planned = await planFollowUpRows(db, toPlan.map((p) => ({ ...p, ...state(p), customerId: customerIds.get(p.index) ?? null, storedCustomer: !!state(p).customerId })), maxAttempts);

  const messageRows = [...planned.values()].flatMap((p) => p.rows);
  const cancels = new Map(fresh.map((p) => [p.index, (planned.get(p.index)?.cancelled ?? []).map((message) => ({ message, at: p.now, note: `superseded by booking on call ${p.c.call_id}` }))]));
  const supersede = supersedeStatements(db, [...cancels.values()].flat());
  const statements = [
    insertWebhookEvents(db, fresh.map((p) => ({ id: newId("whe"), eventKey: eventKey(p), receivedAt: p.now }))),
    upsertCustomers(db, fresh.filter((p) => customerIds.get(p.index)).map((p) => ({
      id: customerIds.get(p.index), clientId: p.client.id, phone: p.facts.customerPhone, name: p.facts.customerName, email: p.facts.customerEmail, timezone: p.facts.customerTimezone, createdAt: p.now, updatedAt: p.now,
    }))),
    ...supersede.statements,
    ...messageWritesSql(db, messageRows),
  ].filter((s) => s !== null);
  const upsert = upsertCalls(db, fresh.map((p) => callRow(p, customerIds.get(p.index) ?? null, planned.get(p.index))));
  const stored = await runTransaction<CallSummary>(db, statements, upsert ?? undefined);
  wakeOthersIfDue(db, messageRows, new Date());
  const calls = new Map(stored.map((c) => [c.callId, { ...c, durationMs: c.durationMs === null ? null : Number(c.durationMs) }]));

  return round.map((p) =>
    state(p).recorded
      ? { status: "duplicate" }
      : {
          status: "recorded",
          event: p.event,
          call: calls.get(p.c.call_id)!,
          queued: planned.get(p.index)?.rows ?? [],
          transitions: [
            ...supersedeStatements(db, cancels.get(p.index) ?? []).transitions,
            ...enqueueTransitions(planned.get(p.index)?.rows ?? []),
          ],
        },
  );
}

function callRow(p: Prepared, customerId: string | null, planned: Planned | undefined) {
  const c = p.c;
  return {
    id: newId("call"), callId: c.call_id, clientId: p.client.id, agentId: c.agent_id ?? null, direction: c.direction ?? "inbound",
    fromNumber: c.from_number ?? null, toNumber: c.to_number ?? null, status: STATUS[p.event],
    startedAt: ms(c.start_timestamp), endedAt: ms(c.end_timestamp), durationMs: c.duration_ms === undefined ? null : Math.round(c.duration_ms),
    disconnectionReason: c.disconnection_reason ?? null, transcript: c.transcript ?? null, analysis: c.call_analysis ? JSON.stringify(c.call_analysis) : null,
    customerId, outcome: planned?.outcome ?? null, followUpsPlannedAt: planned ? p.now : null,
    followUpNotes: planned ? JSON.stringify({ outcome: planned.outcome, skipped: planned.skipped }) : "[]", createdAt: p.now, updatedAt: p.now,
  };
}

