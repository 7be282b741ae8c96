// Read side of calls: list (keyset by id, newest first), detail with its follow-ups, stats.
import { decodeRecord } from "../domain/json-columns";
import type { Database, Db } from "../db/client";
import type { Call, Prisma } from "../generated/sqlite/client";
import { z } from "zod";
import { toApiMessage } from "../queue/serialize";
import { searchIds } from "../db/like";
import { sql } from "../db/sql";

export const callListQuerySchema = z.object({
  clientId: z.string().min(1).optional(),
  status: z.enum(["ongoing", "ended", "analyzed"]).optional(),
  /** Text in the call id, the agent id or either number. */
  q: z.string().trim().min(1).max(200).optional(),
  /** One customer's calls (the Inbox beside a thread): this number as the caller or the called. */
  phone: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().regex(/^call_[0-9a-f]+$/, "invalid cursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CallListQuery = z.infer<typeof callListQuerySchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** `customerName`: the name the call's analysis gave for its customer, when there is one. */
export function toApiCall(c: Call, customerName: string | null = null) {
  return {
    id: c.id,
    callId: c.callId,
    clientId: c.clientId,
    agentId: c.agentId,
    direction: c.direction,
    fromNumber: c.fromNumber,
    toNumber: c.toNumber,
    status: c.status,
    outcome: c.outcome,
    startedAt: iso(c.startedAt),
    endedAt: iso(c.endedAt),
    durationMs: c.durationMs,
    disconnectionReason: c.disconnectionReason,
    customerId: c.customerId,
    customerName,
    followUpsPlannedAt: iso(c.followUpsPlannedAt),
    createdAt: c.createdAt.toISOString(),
  };
}

/** The names of these calls' customers, one query for a page. */
async function customerNames(db: Db, calls: Call[]): Promise<Map<string, string>> {
  const ids = [...new Set(calls.flatMap((c) => (c.customerId ? [c.customerId] : [])))];
  if (!ids.length) return new Map();
  const rows = await db.customer.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.flatMap((r) => (r.name ? [[r.id, r.name] as const] : [])));
}

export async function listCalls(database: Database, q: CallListQuery) {
  const { db } = database;
  const where: Prisma.CallWhereInput = {
    ...(q.clientId && { clientId: q.clientId }),
    ...(q.status && { status: q.status }),
    ...(q.cursor && { id: { lt: q.cursor } }),
    ...(q.phone && { OR: [{ fromNumber: q.phone }, { toNumber: q.phone }] }),
  };
  if (q.q) {
    // Prisma's `contains` reads %, _ and \ as wildcards: the search finds the page's ids (lib/db/like.ts).
    const columns = ["callId", "agentId", "fromNumber", "toNumber"];
    where.id = { in: await searchIds(database, { table: "Call", columns, text: q.q, equals: { clientId: q.clientId, status: q.status }, where: q.phone ? [sql`("fromNumber" = ${q.phone} OR "toNumber" = ${q.phone})`] : [], before: q.cursor, limit: q.limit + 1 }) };
  }
  const rows = await db.call.findMany({ where, orderBy: { id: "desc" }, take: q.limit + 1 });
  const more = rows.length > q.limit;
  const calls = more ? rows.slice(0, q.limit) : rows;
  const names = await customerNames(db, calls);
  return { calls: calls.map((c) => toApiCall(c, names.get(c.customerId ?? "") ?? null)), nextCursor: more ? calls[calls.length - 1]!.id : null };
}

export async function getCallDetail(db: Db, callId: string) {
  const call = await db.call.findUnique({ where: { callId } });
  if (!call) return null;
  const messages = await db.message.findMany({ where: { callId }, orderBy: [{ scheduledFor: "asc" }, { id: "asc" }] });
  const notes = decodeRecord(call.followUpNotes) as { outcome?: string; skipped?: unknown[] };
  const names = await customerNames(db, [call]);
  return {
    ...toApiCall(call, names.get(call.customerId ?? "") ?? null),
    transcript: call.transcript,
    analysis: (call.analysis ? decodeRecord(call.analysis) : null),
    messages: messages.map(toApiMessage),
    skippedFollowUps: Array.isArray(notes.skipped) ? notes.skipped : [],
  };
}

export async function getCallStats(db: Db, clientId?: string) {
  const scope = clientId ? { clientId } : {};
  const [byStatus, byOutcome, duration] = await Promise.all([
    db.call.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.call.groupBy({ by: ["outcome"], where: { ...scope, outcome: { not: null } }, _count: { _all: true } }),
    db.call.aggregate({ where: { ...scope, durationMs: { not: null } }, _avg: { durationMs: true } }),
  ]);
  const outcomes = Object.fromEntries(byOutcome.map((r) => [r.outcome!, r._count._all]));
  const analyzed = byOutcome.reduce((n, r) => n + r._count._all, 0);
  return {
    total: byStatus.reduce((n, r) => n + r._count._all, 0),
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])),
    byOutcome: outcomes,
    averageDurationMs: duration._avg.durationMs === null ? null : Math.round(duration._avg.durationMs),
    bookingRate: analyzed ? (outcomes.booked ?? 0) / analyzed : null,
  };
}
