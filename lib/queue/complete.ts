// Record the outcomes of a claimed batch in one UPDATE, plus one insert each for
// attempt rows and status history. Only rows still leased by `owner` are updated,
// so a worker whose lease expired cannot overwrite the new owner's result.
import type { Database } from "../db";
import { newId } from "../ids";
import { sql, join, tsParam, intParam, textParam } from "./sql";

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
  const values = outcomes.map(
    (o) => sql`(${textParam(dialect, o.id)}, ${textParam(dialect, o.status)}, ${textParam(dialect, o.provider ?? null)},
      ${textParam(dialect, o.providerMessageId ?? null)}, ${intParam(dialect, o.costCents ?? 0)}, ${textParam(dialect, o.lastError ?? null)},
      ${textParam(dialect, o.deadLetterReason ?? null)}, ${tsParam(dialect, o.runAt ?? null)}, ${intParam(dialect, o.attemptsDelta)},
      ${textParam(dialect, o.heldReason ?? null)})`,
  );
  const updated = await db.$queryRaw<{ id: string }[]>`
    WITH v("id", "status", "provider", "pmid", "cost", "lastError", "dlReason", "runAt", "delta", "held") AS (VALUES ${join(values)})
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
  const done = new Set(updated.map((r) => r.id));
  const attemptRows = attempts.filter((a) => done.has(a.messageId));
  const history = outcomes.filter((o) => done.has(o.id) && (o.status !== "pending" || o.historyNote));
  await db.$transaction([
    db.messageAttempt.createMany({
      data: attemptRows.map((a) => ({
        id: newId("att"), messageId: a.messageId, attempt: a.attempt, provider: a.provider, outcome: a.outcome,
        errorClass: a.errorClass ?? null, errorCode: a.errorCode ?? null, error: a.error ?? null,
        durationMs: Math.round(a.durationMs), createdAt: a.at,
      })),
    }),
    db.messageEvent.createMany({
      data: history.map((o) => ({
        id: newId("mev"), messageId: o.id, status: o.status,
        note: o.historyNote ?? (o.status === "sent" ? `via ${o.provider}` : o.deadLetterReason ?? o.lastError ?? null), createdAt: now,
      })),
    }),
  ]);
  return done;
}
