"use client";

// Per-minute sent / failed counts for the overview's throughput chart, counted in the browser
// from live events (the API has hour and day totals, not a per-minute history). The last
// 30 minutes are kept, per client too, and survive a reload through sessionStorage.
// Events are counted in batches and listeners hear about them at most once a second.
import { useMemo, useSyncExternalStore } from "react";
import type { MessageEventPayload } from "@/lib/realtime/contract";
import { createEventBuffer } from "./event-buffer";
import type { HeraldSocket } from "./live-events";

export const WINDOW_MINUTES = 30;
const MINUTE = 60_000;
const FLUSH_MS = 1_000;
const STORAGE_KEY = "herald:throughput";

interface Bucket {
  minute: number;
  sent: number;
  failed: number;
  /** clientId → [sent, failed] */
  byClient: Record<string, [number, number]>;
}

export interface ThroughputState {
  /** When this tab started counting (ms): minutes before it are unknown, not zero. */
  since: number;
  buckets: Bucket[];
}

export interface ThroughputPoint {
  minute: number;
  sent: number;
  failed: number;
  known: boolean;
}

/** One sent or failed event, stamped when it was heard (its minute is decided then). */
interface Outcome {
  clientId: string;
  failed: boolean;
  at: number;
}

const SERVER_STATE: ThroughputState = { since: 0, buckets: [] };
let state: ThroughputState | null = null;
const listeners = new Set<() => void>();

function load(): ThroughputState {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as ThroughputState | null;
    if (saved && typeof saved.since === "number" && Array.isArray(saved.buckets)) return saved;
  } catch {
    // A corrupt or missing entry just starts a fresh count.
  }
  return { since: Date.now(), buckets: [] };
}

function current(): ThroughputState {
  state ??= load();
  return state;
}

function count(outcomes: Outcome[]) {
  const s = current();
  // Only the newest bucket can still grow: it is copied, so a state once handed out never changes.
  const buckets = [...s.buckets];
  const last = buckets[buckets.length - 1];
  if (last) buckets[buckets.length - 1] = { ...last, byClient: Object.fromEntries(Object.entries(last.byClient).map(([id, n]) => [id, [...n]])) };
  for (const { clientId, failed, at } of outcomes) {
    const minute = Math.floor(at / MINUTE) * MINUTE;
    let bucket = buckets[buckets.length - 1];
    if (!bucket || bucket.minute !== minute) {
      bucket = { minute, sent: 0, failed: 0, byClient: {} };
      buckets.push(bucket);
    }
    if (failed) bucket.failed += 1;
    else bucket.sent += 1;
    const perClient = (bucket.byClient[clientId] ??= [0, 0]);
    perClient[failed ? 1 : 0] += 1;
  }
  const oldest = Math.floor(Date.now() / MINUTE) * MINUTE - (WINDOW_MINUTES - 1) * MINUTE;
  state = { since: s.since, buckets: buckets.filter((b) => b.minute >= oldest) };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled: the chart still works for this page's lifetime.
  }
  for (const listener of listeners) listener();
}

/** Subscribes the store to a socket; returns the unsubscribe. Called once by SocketProvider. */
export function attachThroughputCollector(socket: HeraldSocket): () => void {
  const buffer = createEventBuffer(count, FLUSH_MS);
  const onSent = (p: MessageEventPayload) => buffer.push({ clientId: p.clientId, failed: false, at: Date.now() });
  const onFailed = (p: MessageEventPayload) => buffer.push({ clientId: p.clientId, failed: true, at: Date.now() });
  socket.on("queue:message:sent", onSent);
  socket.on("queue:message:failed", onFailed);
  socket.on("queue:message:dead_letter", onFailed);
  return () => {
    socket.off("queue:message:sent", onSent);
    socket.off("queue:message:failed", onFailed);
    socket.off("queue:message:dead_letter", onFailed);
    buffer.dispose();
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The last WINDOW_MINUTES minutes up to `now`, oldest first, for everyone or one client. */
export function useThroughput(now: number, clientId?: string): ThroughputPoint[] {
  const s = useSyncExternalStore(subscribe, current, () => SERVER_STATE);
  return useMemo(() => {
    const last = Math.floor(now / MINUTE) * MINUTE;
    const byMinute = new Map(s.buckets.map((b) => [b.minute, b]));
    const sinceMinute = Math.floor(s.since / MINUTE) * MINUTE;
    return Array.from({ length: WINDOW_MINUTES }, (_, i) => {
      const minute = last - (WINDOW_MINUTES - 1 - i) * MINUTE;
      const b = byMinute.get(minute);
      const [sent, failed] = !b ? [0, 0] : clientId ? (b.byClient[clientId] ?? [0, 0]) : [b.sent, b.failed];
      return { minute, sent, failed, known: s.since > 0 && minute >= sinceMinute };
    });
  }, [s, now, clientId]);
}
