"use client";

// The console's live activity: every queue:message:* and call:* event heard on this tab, newest
// first. Events are buffered and listeners hear about them at most every 250 ms (event-buffer.ts).
// The store outlives a page, so the feed on /messages shows what happened while another console
// page was open.
import { useMemo, useSyncExternalStore } from "react";
import type { CallEventPayload, MessageEventPayload } from "@/lib/realtime/contract";
import { createEventBuffer } from "./event-buffer";
import { CALL_EVENTS, MESSAGE_EVENT_NAMES, messageEventName, type HeraldSocket } from "./live-events";

export interface ActivityEvent {
  seq: number;
  kind: "message" | "call";
  /** `delivered`, `dead_letter`, `call started`... */
  event: string;
  id: string;
  clientId: string;
  channel: string | null;
  to: string | null;
  error: string | null;
  at: number;
}

const KEEP = 500;
const FLUSH_MS = 250;
const EMPTY: ActivityEvent[] = [];

let events: ActivityEvent[] = EMPTY;
let seq = 0;
const listeners = new Set<() => void>();

function prepend(heard: ActivityEvent[]) {
  const fresh = heard.length > KEEP ? heard.slice(-KEEP) : heard;
  events = [...fresh.reverse(), ...events].slice(0, KEEP);
  for (const listener of listeners) listener();
}

/** Subscribes the store to a socket; returns the unsubscribe. Called once by SocketProvider. */
export function attachActivityCollector(socket: HeraldSocket): () => void {
  const buffer = createEventBuffer(prepend, FLUSH_MS);
  const push = (e: Omit<ActivityEvent, "seq" | "at">) => buffer.push({ ...e, seq: ++seq, at: Date.now() });
  const offs = MESSAGE_EVENT_NAMES.map((event) => {
    const name = messageEventName(event);
    const handler = (p: MessageEventPayload) =>
      push({ kind: "message", event: name, id: p.messageId, clientId: p.clientId, channel: p.channel, to: p.to, error: p.error ?? null });
    socket.on(event, handler);
    return () => void socket.off(event, handler);
  });
  for (const event of CALL_EVENTS) {
    const handler = (p: CallEventPayload) =>
      push({ kind: "call", event: event.replace(":", " "), id: p.callId, clientId: p.clientId, channel: "call", to: p.fromNumber, error: null });
    socket.on(event, handler);
    offs.push(() => void socket.off(event, handler));
  }
  return () => {
    offs.forEach((off) => off());
    buffer.dispose();
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The newest `limit` events that match the filter; re-renders at most every 250 ms. */
export function useActivity(filter: { clientId?: string; channel?: string }, limit = 50): ActivityEvent[] {
  const all = useSyncExternalStore(subscribe, () => events, () => EMPTY);
  const { clientId, channel } = filter;
  return useMemo(() => {
    const out: ActivityEvent[] = [];
    for (const e of all) {
      if (clientId && e.clientId !== clientId) continue;
      if (channel && e.channel !== channel) continue;
      out.push(e);
      if (out.length === limit) break;
    }
    return out;
  }, [all, clientId, channel, limit]);
}
