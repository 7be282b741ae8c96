// Database rows → the API.md shapes.
import type { Message, MessageAttempt, MessageEvent } from "../generated/sqlite/client";
import { decodeRecord } from "../domain/json-columns";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toApiMessage(m: Message) {
  return {
    id: m.id,
    clientId: m.clientId,
    channel: m.channel,
    to: m.to,
    subject: m.subject,
    body: m.body,
    template: m.template,
    category: m.category,
    kind: m.kind,
    status: m.status,
    scheduledFor: iso(m.scheduledFor),
    // When the worker will pick it up: a held marketing message's next opening, a failed one's retry.
    runAt: iso(m.runAt),
    attempts: m.attempts,
    maxAttempts: m.maxAttempts,
    nextAttemptAt: iso(m.nextAttemptAt),
    provider: m.provider,
    providerMessageId: m.providerMessageId,
    costCents: m.costCents,
    lastError: m.lastError,
    heldReason: m.heldReason,
    // A crash left it unknown whether a provider already had it; it was sent again.
    possibleDuplicate: m.possibleDuplicate,
    deadLetterReason: m.deadLetterReason,
    deadLetterAt: iso(m.deadLetterAt),
    sentAt: iso(m.sentAt),
    deliveredAt: iso(m.deliveredAt),
    readAt: iso(m.readAt),
    cancelledAt: iso(m.cancelledAt),
    callId: m.callId,
    conversationId: m.conversationId,
    metadata: decodeRecord(m.metadata),
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
  };
}
export type ApiMessage = ReturnType<typeof toApiMessage>;

export function toApiAttempt(a: MessageAttempt) {
  return {
    attempt: a.attempt,
    provider: a.provider,
    outcome: a.outcome,
    errorClass: a.errorClass ?? undefined,
    errorCode: a.errorCode ?? undefined,
    error: a.error ?? undefined,
    durationMs: a.durationMs,
    at: a.createdAt.toISOString(),
  };
}

export function toApiHistory(e: MessageEvent) {
  return { status: e.status, note: e.note, at: e.createdAt.toISOString() };
}

/** The status history with its first entry, "queued" at createdAt, which is not stored as a row. */
export function withQueuedEntry(m: Pick<Message, "createdAt" | "callId">, history: MessageEvent[]) {
  const queued = { status: "pending", note: m.callId ? `planned from call ${m.callId}` : "queued", at: m.createdAt.toISOString() };
  return [queued, ...history.map(toApiHistory)];
}

/** A schedule entry (lib/queue/scheduled.ts): the message, when it will really go, and why then. */
export function toApiScheduled(s: { message: Message; goesAt: Date | null; goesReason: string | null }) {
  return { ...toApiMessage(s.message), goesAt: iso(s.goesAt), goesReason: s.goesReason };
}
export type ApiScheduledMessage = ReturnType<typeof toApiScheduled>;
