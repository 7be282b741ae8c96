// The Socket.IO contract (lib/realtime/contract.ts) as the console uses it: the typed socket and
// the event names it listens to in groups. Kept apart from the provider so the stores and hooks
// that take a socket do not import the component that hands it to them.
import type { Socket } from "socket.io-client";
import { MESSAGE_EVENTS, type ClientToServerEvents, type MessageEventName, type ServerToClientEvents } from "@/lib/realtime/contract";

export type HeraldSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type LiveEvent = keyof ServerToClientEvents;
export type LivePayload<E extends LiveEvent> = Parameters<ServerToClientEvents[E]>[0];

/** Every queue:message:* event, in the contract's order. */
export const MESSAGE_EVENT_NAMES = MESSAGE_EVENTS.map((name) => `queue:message:${name}` as const);
export type MessageEventKey = (typeof MESSAGE_EVENT_NAMES)[number];

/** "queue:message:dead_letter" → "dead_letter". */
export function messageEventName(event: MessageEventKey): MessageEventName {
  return event.slice("queue:message:".length) as MessageEventName;
}

export const CALL_EVENTS = ["call:started", "call:ended", "call:analyzed"] as const satisfies readonly LiveEvent[];

export const ERROR_EVENTS = ["error:logged", "error:critical", "error:resolved", "error:acknowledged", "error:repeated"] as const satisfies readonly LiveEvent[];
