// A Message row as the queue's raw statements read and write it.
import type { Message } from "../generated/sqlite/client";
import { newId } from "../ids";
import { conversationIdFor } from "../conversations/conversation-id";
import type { Columns } from "../db/sql";
import type { TransitionMessage } from "./transitions";

const DATE_COLUMNS = ["scheduledFor", "runAt", "nextAttemptAt", "leaseExpiresAt", "deadLetterAt", "sentAt", "deliveredAt", "readAt", "cancelledAt", "sendStartedAt", "createdAt", "updatedAt"];

/** Raw rows come back with driver types (SQLite integers and booleans as numbers, dates as text); give them the model's. */
export function normalizeRow(row: Message): Message {
  const r = row as unknown as Record<string, unknown>;
  for (const key of ["attempts", "maxAttempts", "costCents"]) r[key] = Number(r[key]);
  if (r.possibleDuplicate !== undefined) r.possibleDuplicate = r.possibleDuplicate === true || Number(r.possibleDuplicate) === 1;
  for (const key of DATE_COLUMNS) {
    const v = r[key];
    if (v !== null && v !== undefined && !(v instanceof Date)) r[key] = new Date(v as string);
  }
  return row;
}

export interface NewMessageFields {
  clientId: string; channel: string; to: string; subject: string | null; body: string; template: string | null;
  variables: string | null; category: string; kind: string | null; scheduledFor: Date; maxAttempts: number;
  idempotencyKey: string | null; metadata: string; callId: string | null; customerId: string | null; conversationId: string | null;
  requestHash?: string | null;
}

/** A new pending message row; every enqueue path builds its rows here, so every one carries its conversation. */
export function messageRow(fields: NewMessageFields, now: Date) {
  const conversationId = fields.conversationId ?? conversationIdFor(fields.clientId, fields.channel, fields.to);
  return { id: newId("msg", now.getTime()), status: "pending", runAt: fields.scheduledFor, createdAt: now, updatedAt: now, heldReason: null, requestHash: null, ...fields, conversationId };
}
export type NewMessageRow = ReturnType<typeof messageRow>;

export const MESSAGE_COLUMNS: Columns = {
  id: "text", clientId: "text", channel: "text", to: "text", subject: "text", body: "text", template: "text", variables: "text",
  category: "text", kind: "text", status: "text", scheduledFor: "timestamp", runAt: "timestamp", maxAttempts: "int",
  idempotencyKey: "text", requestHash: "text", metadata: "text", callId: "text", customerId: "text", conversationId: "text", heldReason: "text",
  createdAt: "timestamp", updatedAt: "timestamp",
};
export const ATTEMPT_COLUMNS: Columns = { id: "text", messageId: "text", attempt: "int", provider: "text", outcome: "text", errorClass: "text", errorCode: "text", error: "text", durationMs: "int", createdAt: "timestamp" };
export const HISTORY_COLUMNS: Columns = { id: "text", messageId: "text", status: "text", note: "text", createdAt: "timestamp" };

/** The in-memory Message for a row just inserted (no read back). */
export function inserted(row: NewMessageRow): Message {
  return {
    ...row, attempts: 0, nextAttemptAt: null, leaseOwner: null, leaseExpiresAt: null, provider: null, providerMessageId: null, costCents: 0,
    lastError: null, deadLetterReason: null, deadLetterAt: null, sentAt: null, deliveredAt: null, readAt: null, cancelledAt: null,
    sendStartedAt: null, possibleDuplicate: false,
  } as Message;
}

/** What a transition's event needs of a message. */
export function snapshot(m: Pick<Message, "id" | "clientId" | "channel" | "to" | "status" | "attempts" | "provider" | "lastError" | "nextAttemptAt" | "conversationId">): TransitionMessage {
  return { id: m.id, clientId: m.clientId, channel: m.channel, to: m.to, status: m.status, attempts: m.attempts, provider: m.provider, lastError: m.lastError, nextAttemptAt: m.nextAttemptAt, conversationId: m.conversationId };
}

export const historyRow = (messageId: string, status: string, note: string | null, createdAt: Date) => ({ id: newId("mev"), messageId, status, note, createdAt });
