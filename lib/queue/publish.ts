// The one place where message transitions become events: bus events, which lib/realtime
// forwards to Socket.IO, and the worker's wake-up when work became due. Queue operations
// return their transitions; their callers hand them here.
import type { EventBus } from "../events/bus";
import type { MessageEventPayload } from "../realtime/contract";
import { TRANSITIONS, type Transition, type TransitionMessage } from "./transitions";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toEventPayload(m: TransitionMessage, extra: Partial<MessageEventPayload> = {}): MessageEventPayload {
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
    conversationId: m.conversationId ?? null,
    ...extra,
  };
}

export function publish(bus: EventBus, transitions: readonly Transition[]): void {
  let due = 0;
  for (const t of transitions) {
    const event = TRANSITIONS[t.name].event;
    if (event) bus.emit("message", { event, payload: toEventPayload(t.message, t.extra) });
    if (t.name === "enqueue" || t.name === "retry") due += 1;
  }
  if (due) bus.emit("enqueued", { count: due });
}

export function transitionsOf(name: Transition["name"], messages: readonly TransitionMessage[]): Transition[] {
  return messages.map((message) => ({ name, message }));
}
