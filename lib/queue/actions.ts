// Human actions on one message: retry (optionally edited) and cancel. Each is one
// transaction: a conditional update (so two clicks or a racing worker cannot both win)
// and its history row, or neither.
import type { Database } from "../db/client";
import type { Message } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { runSteps } from "../db/direct";
import { notifyEnqueued } from "../db/notify";
import { insertRowsSql } from "../db/json-rows";
import { sql, wordList } from "../db/sql";
import { recipientProblem, type RetryEdit } from "../schemas/message";
import { HISTORY_COLUMNS, historyRow, normalizeRow, snapshot } from "./message-row";
import { CANCELLABLE_STATUSES, RETRYABLE_STATUSES, canTransition, type Transition } from "./transitions";

export async function getMessageOrThrow(database: Database, id: string): Promise<Message> {
  const message = await database.db.message.findUnique({ where: { id } });
  if (!message) throw new AppError("NOT_FOUND", `message ${id} not found`);
  return message;
}

export interface Moved {
  message: Message;
  transitions: Transition[];
}

/** The update, then its history row from what the update returned; nothing when the update matched nothing. */
async function moveOne(database: Database, update: ReturnType<typeof sql>, status: string, note: string, now: Date): Promise<Message | null> {
  const [rows] = await runSteps(database, [
    () => update,
    (earlier) => insertRowsSql(database, "MessageEvent", HISTORY_COLUMNS, (earlier[0] ?? []).map((r) => historyRow((r as Message).id, status, note, now))),
  ]);
  const row = (rows as Message[])[0];
  return row ? normalizeRow(row) : null;
}

/** Re-queues a failed or dead-lettered message now, with a fresh set of attempts. */
export async function retryMessage(database: Database, message: Message, edit: RetryEdit, now = new Date()): Promise<Moved> {
  if (!canTransition("retry", message.status)) {
    throw new AppError("INVALID_STATE", `message is ${message.status}; only failed or dead_letter messages can be retried`);
  }
  if (edit.to) {
    const problem = recipientProblem(message.channel, edit.to);
    if (problem) throw new AppError("VALIDATION_FAILED", `to: ${problem}`, [{ path: "to", message: problem }]);
  }
  const changes = Object.entries(edit).filter(([k, v]) => v !== undefined && v !== message[k as keyof Message]);
  const note = changes.length ? `retried with edits: ${changes.map(([k]) => k).join(", ")}` : "retried";
  const { dialect } = database;
  const update = sql`
    UPDATE "Message" SET
      "body" = COALESCE(${edit.body ?? null}, "body"), "subject" = COALESCE(${edit.subject ?? null}, "subject"), "to" = COALESCE(${edit.to ?? null}, "to"),
      "status" = 'pending', "runAt" = ${dialect.ts(now)}, "attempts" = 0, "nextAttemptAt" = NULL, "deadLetterReason" = NULL,
      "deadLetterAt" = NULL, "heldReason" = NULL, "updatedAt" = ${dialect.ts(now)}
    WHERE "id" = ${message.id} AND "status" = ${message.status} AND "status" IN (${wordList(RETRYABLE_STATUSES)})
    RETURNING *`;
  const moved = await moveOne(database, update, "pending", note, now);
  if (!moved) throw new AppError("INVALID_STATE", "message changed while retrying; reload and try again");
  notifyEnqueued(database);
  return { message: moved, transitions: [{ name: "retry", message: snapshot(moved) }] };
}

/** Cancels a pending (incl. scheduled) or failed message. */
export async function cancelMessage(database: Database, message: Message, now = new Date()): Promise<Moved> {
  if (!canTransition("cancel", message.status)) {
    throw new AppError("INVALID_STATE", `message is ${message.status}; only pending or failed messages can be cancelled`);
  }
  const t = database.dialect.ts(now);
  const update = sql`
    UPDATE "Message" SET "status" = 'cancelled', "cancelledAt" = ${t}, "nextAttemptAt" = NULL, "updatedAt" = ${t}
    WHERE "id" = ${message.id} AND "status" IN (${wordList(CANCELLABLE_STATUSES)})
    RETURNING *`;
  const moved = await moveOne(database, update, "cancelled", "cancelled", now);
  if (!moved) throw new AppError("INVALID_STATE", "message is being sent and can no longer be cancelled");
  return { message: moved, transitions: [{ name: "cancel", message: snapshot(moved) }] };
}
