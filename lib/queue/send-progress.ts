// The worker's writes, under its lease, as sends progress: a send is marked as started
// before its provider is called, and its outcome is recorded as soon as the call returns.
// Both go through one group commit (lib/engine/send-committer.ts), so a transaction
// carries the outcomes and starts of every send in flight at that moment. Every statement
// is guarded by the lease: a worker whose lease was taken over writes nothing, and a
// send whose start was not recorded is not made.
import type { Database } from "../db/client";
import type { AttemptOutcome, ErrorClass } from "../domain/words";
import { newId } from "../ids";
import { runSteps, type Step } from "../db/direct";
import { insertRowsSql } from "../db/json-rows";
import { raw, sql, type Columns } from "../db/sql";
import { ATTEMPT_COLUMNS, HISTORY_COLUMNS, historyRow } from "./message-row";
import type { TransitionName } from "./transitions";

const OUTCOME_COLUMNS: Columns = { id: "text", status: "text", provider: "text", pmid: "text", cost: "int", lastError: "text", dlReason: "text", runAt: "timestamp", delta: "int", held: "text", channel: "text", to: "text", body: "text" };

export interface Outcome {
  id: string;
  /** cancelled: a compliance rule ended it (frequency cap, excess "cancel"); the reason is its historyNote. */
  status: "sent" | "failed" | "dead_letter" | "pending" | "cancelled";
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
  /**
   * sent: what actually went when it is not what was queued (WhatsApp's window closed and the
   * follow-up went by SMS: channel sms, the bare number, the SMS text). The history says so.
   */
  sentAs?: { channel: string; to: string; body: string } | null;
}

/** The transition an outcome makes. */
export function transitionOf(o: Outcome): TransitionName {
  return o.status === "sent" ? "send" : o.status === "failed" ? "fail" : o.status === "dead_letter" ? "deadLetter" : o.status === "cancelled" ? "cancelByRule" : "hold";
}

export interface AttemptRow {
  messageId: string;
  attempt: number;
  provider: string;
  outcome: AttemptOutcome;
  errorClass?: ErrorClass | null;
  errorCode?: string | null;
  error?: string | null;
  durationMs: number;
  at: Date;
}

export interface SendStart {
  id: string;
  /** Claimed back from a worker that stopped while this send was in flight (sendStartedAt was set). */
  recovered: { attempt: number } | null;
}

export interface SendProgress {
  starts: SendStart[];
  outcomes: Outcome[];
  attempts: AttemptRow[];
}

export const RECOVERED_NOTE = "the worker stopped while this send was in flight; the provider may have it: resent as a possible duplicate";

/** Writes outcomes and starts in one transaction; returns the ids each applied to (those still leased by `owner`). */
export async function commitSendProgress(database: Database, owner: string, progress: SendProgress, now: Date): Promise<{ recorded: Set<string>; started: Set<string> }> {
  const { dialect } = database;
  const { starts, outcomes } = progress;
  const recovered = starts.filter((s) => s.recovered);
  const attempts = [
    ...progress.attempts,
    ...recovered.map((s): AttemptRow => ({ messageId: s.id, attempt: s.recovered!.attempt, provider: "unknown", outcome: "unknown", error: RECOVERED_NOTE, durationMs: 0, at: now })),
  ];
  const stillLeased = sql`EXISTS (SELECT 1 FROM "Message" AS m WHERE m."id" = s."messageId" AND m."leaseOwner" = ${owner} AND m."status" = 'processing')`;
  const attemptInsert = insertRowsSql(database, "MessageAttempt", ATTEMPT_COLUMNS, attempts.map((a) => ({
    id: newId("att"), messageId: a.messageId, attempt: a.attempt, provider: a.provider, outcome: a.outcome,
    errorClass: a.errorClass ?? null, errorCode: a.errorCode ?? null, error: a.error ?? null, durationMs: Math.round(a.durationMs), createdAt: a.at,
  })), stillLeased);
  const historyInsert = insertRowsSql(database, "MessageEvent", HISTORY_COLUMNS, [
    ...outcomes
      .filter((o) => o.status !== "pending" || o.historyNote)
      .map((o) => historyRow(o.id, o.status, o.historyNote ?? (o.status === "sent" ? `via ${o.provider}` : o.deadLetterReason ?? o.lastError ?? null), now)),
    ...recovered.map((s) => historyRow(s.id, "processing", RECOVERED_NOTE, now)),
  ], stillLeased);
  const outcomeUpdate = outcomes.length ? sql`
    WITH v AS (${dialect.jsonRows(OUTCOME_COLUMNS, outcomes.map((o) => ({
      id: o.id, status: o.status, provider: o.provider ?? null, pmid: o.providerMessageId ?? null, cost: o.costCents ?? 0,
      lastError: o.lastError ?? null, dlReason: o.deadLetterReason ?? null, runAt: o.runAt ?? null, delta: o.attemptsDelta, held: o.heldReason ?? null,
      channel: o.sentAs?.channel ?? null, to: o.sentAs?.to ?? null, body: o.sentAs?.body ?? null,
    })))})
    UPDATE "Message" SET
      "status" = v."status",
      "channel" = COALESCE(v."channel", "Message"."channel"),
      "to" = COALESCE(v."to", "Message"."to"),
      "body" = COALESCE(v."body", "Message"."body"),
      "attempts" = "Message"."attempts" + v."delta",
      "provider" = COALESCE(v."provider", "Message"."provider"),
      "providerMessageId" = COALESCE(v."pmid", "Message"."providerMessageId"),
      "costCents" = "Message"."costCents" + v."cost",
      "lastError" = CASE WHEN v."status" = 'sent' THEN NULL ELSE COALESCE(v."lastError", "Message"."lastError") END,
      "deadLetterReason" = CASE WHEN v."status" = 'dead_letter' THEN v."dlReason" ELSE NULL END,
      "deadLetterAt" = CASE WHEN v."status" = 'dead_letter' THEN ${dialect.ts(now)} ELSE NULL END,
      "cancelledAt" = CASE WHEN v."status" = 'cancelled' THEN ${dialect.ts(now)} ELSE "Message"."cancelledAt" END,
      "sentAt" = CASE WHEN v."status" = 'sent' THEN ${dialect.ts(now)} ELSE "Message"."sentAt" END,
      "nextAttemptAt" = CASE WHEN v."status" = 'failed' THEN v."runAt" ELSE NULL END,
      "runAt" = COALESCE(v."runAt", "Message"."runAt"),
      "heldReason" = v."held",
      "sendStartedAt" = NULL,
      "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${dialect.ts(now)}
    FROM v
    WHERE "Message"."id" = v."id" AND "Message"."leaseOwner" = ${owner} AND "Message"."status" = 'processing'
    RETURNING "Message"."id"` : null;
  const ids = (list: { id: string }[]) => dialect.jsonRows({ id: "text" }, list.map((s) => ({ id: s.id })));
  const startUpdate = starts.length ? sql`
    UPDATE "Message" SET "sendStartedAt" = ${now}, "updatedAt" = ${now},
      "possibleDuplicate" = CASE WHEN "id" IN (SELECT "id" FROM (${ids(recovered)}) AS r) THEN ${dialect.bool(true)} ELSE "possibleDuplicate" END
    WHERE "id" IN (SELECT "id" FROM (${ids(starts)}) AS s) AND "leaseOwner" = ${owner} AND ${raw(`"status"`)} = 'processing'
    RETURNING "id"` : null;
  const steps: Step[] = [() => attemptInsert, () => historyInsert, () => outcomeUpdate, () => startUpdate];
  const [, , recorded, started] = await runSteps(database, steps);
  return {
    recorded: new Set((recorded as { id: string }[]).map((r) => r.id)),
    started: new Set((started as { id: string }[]).map((r) => r.id)),
  };
}
