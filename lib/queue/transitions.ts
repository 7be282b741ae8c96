// The message lifecycle, written once: every way a message may change status, what the
// change writes and which live event it emits. The queue's SQL guards, the retry and
// cancel rules and the console's status groups are all read from this table
// (after pg-boss's one job-state order); a status change that is not here cannot happen.
import type { MessageStatus } from "../domain/words";
import type { MessageEventName } from "../realtime/contract";

export interface TransitionRule {
  from: readonly MessageStatus[];
  to: MessageStatus | null; // null: the row is deleted (retention)
  /** The live event it emits (queue:message:<event>); none for a deletion. */
  event: MessageEventName | null;
  /** What it writes besides the status, for a reader of the lifecycle. */
  writes: string;
}

export const TRANSITIONS = {
  enqueue: { from: [], to: "pending", event: "queued", writes: "a new row (runAt = scheduledFor); no history row: createdAt is the first entry" },
  claim: { from: ["pending", "failed", "processing"], to: "processing", event: "processing", writes: "lease (owner, expiry; runAt = expiry); processing only once its lease expired" },
  startSend: { from: ["processing"], to: "processing", event: null, writes: "sendStartedAt, under the lease, before the provider is called" },
  send: { from: ["processing"], to: "sent", event: "sent", writes: "provider, providerMessageId, cost, sentAt, attempts+1, an attempt row per provider call, history (which WhatsApp template went); channel, to and body when a closed WhatsApp window sent it by SMS" },
  fail: { from: ["processing"], to: "failed", event: "failed", writes: "lastError, nextAttemptAt = runAt, attempts+1, attempt rows, history" },
  deadLetter: { from: ["processing"], to: "dead_letter", event: "dead_letter", writes: "deadLetterReason, deadLetterAt, attempt rows, history" },
  hold: { from: ["processing"], to: "pending", event: "queued", writes: "runAt = the next opening or the provider's Retry-After, heldReason" },
  retry: { from: ["failed", "dead_letter"], to: "pending", event: "retry", writes: "edits (body, subject, to), attempts = 0, runAt = now, history" },
  cancel: { from: ["pending", "failed"], to: "cancelled", event: "cancelled", writes: "cancelledAt, history" },
  cancelByRule: { from: ["processing"], to: "cancelled", event: "cancelled", writes: "cancelledAt, the rule's reason as history (a frequency cap whose excess is cancelled), under the lease" },
  deliver: { from: ["sent"], to: "delivered", event: "delivered", writes: "deliveredAt, reported price, history" },
  read: { from: ["sent", "delivered"], to: "read", event: "read", writes: "readAt (and deliveredAt if missing), reported price, history" },
  undeliver: { from: ["sent"], to: "dead_letter", event: "dead_letter", writes: "deadLetterReason, deadLetterAt, lastError, history" },
  prune: { from: ["sent", "delivered", "read", "cancelled"], to: null, event: null, writes: "deletes the row, its attempts and history (retention)" },
} as const satisfies Record<string, TransitionRule>;

export type TransitionName = keyof typeof TRANSITIONS;

/** The statuses a transition may start from. */
export function fromStatuses(name: TransitionName): readonly MessageStatus[] {
  return TRANSITIONS[name].from;
}

export function canTransition(name: TransitionName, from: string): boolean {
  return (TRANSITIONS[name].from as readonly string[]).includes(from);
}

/** Status groups derived from the table, for the API's rules and the console. */
export const RETRYABLE_STATUSES = fromStatuses("retry");
export const CANCELLABLE_STATUSES = fromStatuses("cancel");
export const CLAIMABLE_STATUSES = fromStatuses("claim");
export const PRUNABLE_STATUSES = fromStatuses("prune");
/** Statuses no transition leaves on its own (a human may still retry a dead letter). */
export const END_STATUSES = (["sent", "delivered", "read", "dead_letter", "cancelled"] as const satisfies readonly MessageStatus[]);

/** A status change a queue operation made, with what the live event needs. */
export interface Transition {
  name: TransitionName;
  message: TransitionMessage;
  /** Extra fields for the live event (processing time, the error to show). */
  extra?: { processingTimeMs?: number; error?: string | null };
}

export interface TransitionMessage {
  id: string;
  clientId: string;
  channel: string;
  to: string;
  status: string;
  attempts: number;
  provider: string | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  conversationId?: string | null;
}
