"use client";

// The console's live activity: every queue:message:* and call:* event heard on this tab, newest
// first. Events are buffered and listeners hear about them at most every 250 ms, so a burst of a
// thousand events costs a handful of renders, not a thousand. The store outlives a page, so the
// feed on /messages shows what happened while another console page was open.
import { useMemo, useSyncExternalStore } from "react";
import { MESSAGE_EVENTS, type CallEventName, type CallEventPayload, type MessageEventPayload } from "@/lib/realtime/contract";
import type { HeraldSocket } from "./socket-provider";

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
let buffer: ActivityEvent[] = [];
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastFlushAt = 0;
const listeners = new Set<() => void>();

function flush() {
  timer = undefined;
  lastFlushAt = Date.now();
  const fresh = buffer.length > KEEP ? buffer.slice(-KEEP) : buffer;
  buffer = [];
  events = [...fresh.reverse(), ...events].slice(0, KEEP);
  for (const listener of listeners) listener();
}

function push(e: Omit<ActivityEvent, "seq" | "at">) {
  buffer.push({ ...e, seq: ++seq, at: Date.now() });
  timer ??= setTimeout(flush, Math.max(0, lastFlushAt + FLUSH_MS - Date.now()));
}

/** Subscribes the store to a socket; returns the unsubscribe. Called once by SocketProvider. */
export function attachActivityCollector(socket: HeraldSocket): () => void {
  const offs = MESSAGE_EVENTS.map((name) => {
    const event = `queue:message:${name}` as const;
    const handler = (p: MessageEventPayload) =>
      push({ kind: "message", event: name, id: p.messageId, clientId: p.clientId, channel: p.channel, to: p.to, error: p.error ?? null });
    socket.on(event, handler);
    return () => void socket.off(event, handler);
  });
  for (const name of ["started", "ended", "analyzed"] as CallEventName[]) {
    const event = `call:${name}` as const;
    const handler = (p: CallEventPayload) =>
      push({ kind: "call", event: `call ${name}`, id: p.callId, clientId: p.clientId, channel: "call", to: p.fromNumber, error: null });
    socket.on(event, handler);
    offs.push(() => void socket.off(event, handler));
  }
  return () => offs.forEach((off) => off());
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
