// The in-process event bus. The engine and route handlers emit domain events here;
// lib/realtime forwards them to Socket.IO and the worker listens for enqueues.
// A listener that throws is reported and never breaks the emitter's caller.
import type { CallEventName, CallEventPayload, ConversationEventPayload, ErrorEventPayload, MessageEventPayload, MessageEventName } from "../realtime/contract";
import { logFor } from "../log";

export interface BusEvents {
  message: { event: MessageEventName; payload: MessageEventPayload };
  enqueued: { count: number };
  call: { event: CallEventName; payload: CallEventPayload };
  inbound: { conversationId: string; messageId: string; text: string; mediaUrl: string | null; timestamp: string };
  conversation: { clientId: string; conversation: ConversationEventPayload };
  error: { event: "logged" | "critical" | "repeated" | "resolved" | "acknowledged"; payload: ErrorEventPayload };
}

type Listener<K extends keyof BusEvents> = (value: BusEvents[K]) => void;

export class EventBus {
  private listeners = new Map<keyof BusEvents, Set<Listener<never>>>();

  on<K extends keyof BusEvents>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof BusEvents>(name: K, value: BusEvents[K]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        (listener as Listener<K>)(value);
      } catch (err) {
        logFor("bus").error({ err }, `a ${String(name)} listener failed`);
      }
    }
  }
}


