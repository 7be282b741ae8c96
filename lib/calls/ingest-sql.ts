// The raw statements of call ingestion, each over ONE JSON parameter however many events
// a batch holds (see Dialect.jsonRows for why). Runs on SQLite and PostgreSQL.
import type { Database } from "../db/client";
import { runRead } from "../db/direct";
import { insertRowsSql } from "../db/json-rows";
import { raw, sql, type Columns, type Sql } from "../db/sql";

export interface EventState {
  /** This (call_id, event) is already recorded: a redelivery. */
  recorded: boolean;
  /** The call's follow-ups were planned already (by an earlier event). */
  callPlanned: boolean;
  customerId: string | null;
  phoneSuppressed: boolean;
  emailSuppressed: boolean;
}

export interface EventKeys {
  eventKey: string;
  callId: string;
  clientId: string;
  phone: string | null;
  email: string | null;
}

/**
 * Everything a batch needs to know before it writes, in ONE query: whether each event
 * was seen, whether its call's follow-ups were planned, its customer, and whether the
 * customer opted out.
 */
export async function readEventStates(db: Database, keys: EventKeys[]): Promise<Map<string, EventState>> {
  if (!keys.length) return new Map();
  const source = db.dialect.jsonRows({ eventKey: "text", callId: "text", clientId: "text", phone: "text", email: "text" }, keys as unknown as Record<string, unknown>[]);
  const rows = await runRead<Record<string, string | number | boolean | null>>(db, sql`
    SELECT k."eventKey", CASE WHEN w."id" IS NULL THEN 0 ELSE 1 END AS "recorded",
           CASE WHEN c."followUpsPlannedAt" IS NULL THEN 0 ELSE 1 END AS "planned",
           cu."id" AS "customerId",
           CASE WHEN EXISTS (SELECT 1 FROM "Suppression" s WHERE s."clientId" = k."clientId" AND s."address" = k."phone") THEN 1 ELSE 0 END AS "phoneSuppressed",
           CASE WHEN EXISTS (SELECT 1 FROM "Suppression" s WHERE s."clientId" = k."clientId" AND s."address" = k."email") THEN 1 ELSE 0 END AS "emailSuppressed"
    FROM (${source}) AS k
    LEFT JOIN "WebhookEvent" w ON w."source" = 'retell' AND w."eventKey" = k."eventKey"
    LEFT JOIN "Call" c ON c."callId" = k."callId"
    LEFT JOIN "Customer" cu ON cu."clientId" = k."clientId" AND cu."phone" = k."phone"`);
  return new Map(rows.map((r) => [String(r.eventKey), {
    recorded: Number(r.recorded) === 1,
    callPlanned: Number(r.planned) === 1,
    customerId: r.customerId as string | null,
    phoneSuppressed: Number(r.phoneSuppressed) === 1,
    emailSuppressed: Number(r.emailSuppressed) === 1,
  }]));
}

/** Which of these (source "retell") event keys are already recorded. */
export async function recordedEventKeys(db: Database, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const source = db.dialect.jsonRows({ eventKey: "text" }, keys.map((eventKey) => ({ eventKey })));
  const rows = await runRead<{ eventKey: string }>(db,
    sql`SELECT w."eventKey" FROM "WebhookEvent" w JOIN (${source}) AS k ON w."eventKey" = k."eventKey" WHERE w."source" = 'retell'`,
  );
  return new Set(rows.map((r) => r.eventKey));
}

// ---- writes (one array transaction per batch) ----

export function insertWebhookEvents(db: Database, rows: { id: string; eventKey: string; receivedAt: Date }[]): Sql | null {
  const withSource = rows.map((r) => ({ ...r, source: "retell" }));
  return insertRowsSql(db, "WebhookEvent", { id: "text", source: "text", eventKey: "text", receivedAt: "timestamp" }, withSource);
}

const CUSTOMER_COLUMNS: Columns = { id: "text", clientId: "text", phone: "text", name: "text", email: "text", timezone: "text", createdAt: "timestamp", updatedAt: "timestamp" };

/** New customers are created; known ones get a name, email and zone when this call learned them. */
export function upsertCustomers(db: Database, rows: Record<string, unknown>[]): Sql | null {
  const insert = insertRowsSql(db, "Customer", CUSTOMER_COLUMNS, rows, sql`true`);
  if (!insert) return null;
  return sql`${insert} ON CONFLICT ("clientId", "phone") DO UPDATE SET
    "name" = COALESCE(excluded."name", "Customer"."name"),
    "email" = COALESCE(excluded."email", "Customer"."email"),
    "timezone" = COALESCE(excluded."timezone", "Customer"."timezone"),
    "updatedAt" = excluded."updatedAt"`;
}

const CALL_COLUMNS: Columns = {
  id: "text", callId: "text", clientId: "text", agentId: "text", direction: "text", fromNumber: "text", toNumber: "text", status: "text",
  startedAt: "timestamp", endedAt: "timestamp", durationMs: "int", disconnectionReason: "text", transcript: "text", analysis: "text",
  customerId: "text", outcome: "text", followUpsPlannedAt: "timestamp", followUpNotes: "text", createdAt: "timestamp", updatedAt: "timestamp",
};
const KEEP_IF_ABSENT = ["agentId", "fromNumber", "toNumber", "startedAt", "endedAt", "durationMs", "disconnectionReason", "transcript", "analysis", "customerId"];

/**
 * Creates or updates calls. What an event does not carry keeps its stored value; a late
 * call_started never moves an ended or analyzed call back; follow-ups are planned once.
 * Returns each call as stored (for the call:* events).
 */
export function upsertCalls(db: Database, rows: Record<string, unknown>[]): Sql | null {
  const insert = insertRowsSql(db, "Call", CALL_COLUMNS, rows, sql`true`);
  if (!insert) return null;
  const keep = KEEP_IF_ABSENT.map((c) => `"${c}" = COALESCE(excluded."${c}", "Call"."${c}")`).join(",\n    ");
  return sql`${insert} ON CONFLICT ("callId") DO UPDATE SET
    ${raw(keep)},
    "direction" = excluded."direction",
    "status" = CASE WHEN "Call"."status" = 'analyzed' THEN 'analyzed'
                    WHEN "Call"."status" = 'ended' AND excluded."status" = 'ongoing' THEN 'ended'
                    ELSE excluded."status" END,
    "outcome" = CASE WHEN "Call"."followUpsPlannedAt" IS NULL THEN COALESCE(excluded."outcome", "Call"."outcome") ELSE "Call"."outcome" END,
    "followUpNotes" = CASE WHEN "Call"."followUpsPlannedAt" IS NULL AND excluded."followUpsPlannedAt" IS NOT NULL THEN excluded."followUpNotes" ELSE "Call"."followUpNotes" END,
    "followUpsPlannedAt" = COALESCE("Call"."followUpsPlannedAt", excluded."followUpsPlannedAt"),
    "updatedAt" = excluded."updatedAt"
  RETURNING "callId", "clientId", "fromNumber", "toNumber", "direction", "status", "durationMs"`;
}
