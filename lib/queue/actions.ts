// Human actions on one message: retry (optionally edited) and cancel. Each is one
// conditional update, so two clicks or a racing worker cannot both win.
import type { Db } from "../db";
import type { Message } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { newId } from "../ids";
import { recipientProblem, type RetryEdit } from "../schemas/message";
import { CANCELLABLE_STATUSES, RETRYABLE_STATUSES } from "./statuses";

export async function getMessageOrThrow(db: Db, id: string): Promise<Message> {
  const message = await db.message.findUnique({ where: { id } });
  if (!message) throw new AppError("NOT_FOUND", `message ${id} not found`);
  return message;
}

/** Re-queues a failed or dead-lettered message now, with a fresh set of attempts. */
export async function retryMessage(db: Db, message: Message, edit: RetryEdit, now = new Date()): Promise<Message> {
  if (!RETRYABLE_STATUSES.includes(message.status as never)) {
    throw new AppError("INVALID_STATE", `message is ${message.status}; only failed or dead_letter messages can be retried`);
  }
  if (edit.to) {
    const problem = recipientProblem(message.channel, edit.to);
    if (problem) throw new AppError("VALIDATION_FAILED", `to: ${problem}`, [{ path: "to", message: problem }]);
  }
  const changes = Object.entries(edit).filter(([k, v]) => v !== undefined && v !== message[k as keyof Message]);
  const note = changes.length ? `retried with edits: ${changes.map(([k]) => k).join(", ")}` : "retried";
  const { count } = await db.message.updateMany({
    where: { id: message.id, status: message.status },
    data: {
      ...edit,
      status: "pending",
      runAt: now,
      attempts: 0,
      nextAttemptAt: null,
      deadLetterReason: null,
      deadLetterAt: null,
      heldReason: null,
      updatedAt: now,
    },
  });
  if (count === 0) throw new AppError("INVALID_STATE", "message changed while retrying; reload and try again");
  await db.messageEvent.create({
    data: { id: newId("mev"), messageId: message.id, status: "pending", note, createdAt: now },
  });
  return db.message.findUniqueOrThrow({ where: { id: message.id } });
}

/** Cancels a pending (incl. scheduled) or failed message. */
export async function cancelMessage(db: Db, message: Message, now = new Date()): Promise<Message> {
  if (!CANCELLABLE_STATUSES.includes(message.status as never)) {
    throw new AppError("INVALID_STATE", `message is ${message.status}; only pending or failed messages can be cancelled`);
  }
  const { count } = await db.message.updateMany({
    where: { id: message.id, status: { in: CANCELLABLE_STATUSES } },
    data: { status: "cancelled", cancelledAt: now, nextAttemptAt: null, updatedAt: now },
  });
  if (count === 0) throw new AppError("INVALID_STATE", "message is being sent and can no longer be cancelled");
  await db.messageEvent.create({
    data: { id: newId("mev"), messageId: message.id, status: "cancelled", note: "cancelled", createdAt: now },
  });
  return db.message.findUniqueOrThrow({ where: { id: message.id } });
}
