// Record the outcomes of a claimed batch in one UPDATE, plus one insert each for
// attempt rows and status history. Only rows still leased by `owner` are updated,
// so a worker whose lease expired cannot overwrite the new owner's result.
import type { Database } from "../db";
import { newId } from "../ids";
import { runTransaction } from "../sqlite-direct";
import { insertRowsSql, jsonRowsSource, raw, sql, tsParam, type Columns } from "./sql";

const OUTCOME_COLUMNS: Columns = { id: "text", status: "text", provider: "text", pmid: "text", cost: "int", lastError: "text", dlReason: "text", runAt: "timestamp", delta: "int", held: "text" };
export const ATTEMPT_COLUMNS: Columns = { id: "text", messageId: "text", attempt: "int", provider: "text", outcome: "text", errorClass: "text", errorCode: "text", error: "text", durationMs: "int", createdAt: "timestamp" };
export const HISTORY_COLUMNS: Columns = { id: "text", messageId: "text", status: "text", note: "text", createdAt: "timestamp" };

export interface Outcome {
  id: string;
  status: "sent" | "failed" | "dead_letter" | "pending";
  attemptsDelta: 0 | 1;
  provider?: string | null;
  providerMessageId?: string | null;
  costCents?: number;
  lastError?: string | null;
  deadLetterReason?: string | null;
  /** failed: the next attempt; pending: when to look again (business hours, rate limit). */
  runAt?: Date | null;
  heldReason?: string | null;
  historyNote?: string | null;
}

export interface AttemptRow {
  messageId: string;
  attempt: number;
  provider: string;
  outcome: "sent" | "failed";
  errorClass?: string | null;
  errorCode?: string | null;
  error?: string | null;
  durationMs: number;
  at: Date;
}

export async function recordOutcomes(
  { db, dialect }: Database,
  owner: string,
  outcomes: Outcome[],
  attempts: AttemptRow[],
  now: Date,
): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const source = jsonRowsSource(dialect, OUTCOME_COLUMNS, outcomes.map((o) => ({
    id: o.id, status: o.status, provider: o.provider ?? null, pmid: o.providerMessageId ?? null, cost: o.costCents ?? 0,
    lastError: o.lastError ?? null, dlReason: o.deadLetterReason ?? null, runAt: o.runAt ?? null, delta: o.attemptsDelta, held: o.heldReason ?? null,
  })));
  // Attempts and history first, guarded by the lease, then the update: one transaction,
  // and a worker whose lease was taken over writes nothing at all.
  const stillLeased = (column: string) =>
    sql`EXISTS (SELECT 1 FROM "Message" AS m WHERE m."id" = s.${raw(`"${column}"`)} AND m."leaseOwner" = ${owner} AND m."status" = 'processing')`;
  const attemptInsert = insertRowsSql(dialect, "MessageAttempt", ATTEMPT_COLUMNS, attempts.map((a) => ({
    id: newId("att"), messageId: a.messageId, attempt: a.attempt, provider: a.provider, outcome: a.outcome,
    errorClass: a.errorClass ?? null, errorCode: a.errorCode ?? null, error: a.error ?? null,
    durationMs: Math.round(a.durationMs), createdAt: a.at,
  })), stillLeased("messageId"));
  const historyInsert = insertRowsSql(dialect, "MessageEvent", HISTORY_COLUMNS, outcomes
    .filter((o) => o.status !== "pending" || o.historyNote)
    .map((o) => ({
      id: newId("mev"), messageId: o.id, status: o.status,
      note: o.historyNote ?? (o.status === "sent" ? `via ${o.provider}` : o.deadLetterReason ?? o.lastError ?? null), createdAt: now,
    })), stillLeased("messageId"));
  const update = sql`
    WITH v AS (${source})
    UPDATE "Message" SET
      "status" = v."status",
      "attempts" = "Message"."attempts" + v."delta",
      "provider" = COALESCE(v."provider", "Message"."provider"),
      "providerMessageId" = COALESCE(v."pmid", "Message"."providerMessageId"),
      "costCents" = "Message"."costCents" + v."cost",
      "lastError" = CASE WHEN v."status" = 'sent' THEN NULL ELSE COALESCE(v."lastError", "Message"."lastError") END,
      "deadLetterReason" = CASE WHEN v."status" = 'dead_letter' THEN v."dlReason" ELSE NULL END,
      "deadLetterAt" = CASE WHEN v."status" = 'dead_letter' THEN ${tsParam(dialect, now)} ELSE NULL END,
      "sentAt" = CASE WHEN v."status" = 'sent' THEN ${tsParam(dialect, now)} ELSE "Message"."sentAt" END,
      "nextAttemptAt" = CASE WHEN v."status" = 'failed' THEN v."runAt" ELSE NULL END,
      "runAt" = COALESCE(v."runAt", "Message"."runAt"),
      "heldReason" = v."held",
      "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${tsParam(dialect, now)}
    FROM v
    WHERE "Message"."id" = v."id" AND "Message"."leaseOwner" = ${owner} AND "Message"."status" = 'processing'
    RETURNING "Message"."id"`;
  const inserts = [attemptInsert, historyInsert].filter((statement) => statement !== null);
  const updated = await runTransaction<{ id: string }>(db, inserts, update);
  return new Set(updated.map((r) => r.id));
}
