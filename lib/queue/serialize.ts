// Database rows → the API.md shapes.
import type { Message, MessageAttempt, MessageEvent } from "../generated/sqlite/client";
import type { MessageEventPayload } from "../realtime/contract";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

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
    deadLetterReason: m.deadLetterReason,
    deadLetterAt: iso(m.deadLetterAt),
    sentAt: iso(m.sentAt),
    deliveredAt: iso(m.deliveredAt),
    readAt: iso(m.readAt),
    cancelledAt: iso(m.cancelledAt),
    callId: m.callId,
    conversationId: m.conversationId,
    metadata: parseJson<Record<string, unknown>>(m.metadata, {}),
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

export function toEventPayload(
  m: Pick<Message, "id" | "clientId" | "channel" | "to" | "status" | "attempts" | "provider" | "lastError" | "nextAttemptAt">,
  extra: Partial<MessageEventPayload> = {},
): MessageEventPayload {
  return {
    messageId: m.id,
    clientId: m.clientId,
    channel: m.channel,
    to: m.to,
    status: m.status,
    attempts: m.attempts,
    provider: m.provider,
    error: m.lastError,
    nextAttemptAt: iso(m.nextAttemptAt),
    ...extra,
  };
}

/** The status history with its first entry, "queued" at createdAt, which is not stored as a row. */
export function withQueuedEntry(m: Pick<Message, "createdAt" | "callId">, history: MessageEvent[]) {
  const queued = { status: "pending", note: m.callId ? `planned from call ${m.callId}` : "queued", at: m.createdAt.toISOString() };
  return [queued, ...history.map(toApiHistory)];
}
