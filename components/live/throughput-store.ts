"use client";

// Per-minute sent / failed counts for the overview's throughput chart, counted in the browser
// from live events (the API has hour and day totals, not a per-minute history). The last
// 30 minutes are kept, per client too, and survive a reload through sessionStorage.
// Listeners hear about changes at most once a second.
import { useMemo, useSyncExternalStore } from "react";
import type { MessageEventPayload } from "@/lib/realtime/contract";
import type { HeraldSocket } from "./socket-provider";

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

const SERVER_STATE: ThroughputState = { since: 0, buckets: [] };
let state: ThroughputState | null = null;
let dirty = false;
let timer: ReturnType<typeof setTimeout> | undefined;
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

function flush() {
  timer = undefined;
  if (!dirty) return;
  dirty = false;
  const oldest = Math.floor(Date.now() / MINUTE) * MINUTE - (WINDOW_MINUTES - 1) * MINUTE;
  const s = current();
  state = { since: s.since, buckets: s.buckets.filter((b) => b.minute >= oldest) };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled: the chart still works for this page's lifetime.
  }
  for (const listener of listeners) listener();
}

function count(p: MessageEventPayload, field: "sent" | "failed") {
  const s = current();
  const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
  let bucket = s.buckets[s.buckets.length - 1];
  if (!bucket || bucket.minute !== minute) {
    bucket = { minute, sent: 0, failed: 0, byClient: {} };
    s.buckets = [...s.buckets, bucket];
  }
  bucket[field] += 1;
  const perClient = (bucket.byClient[p.clientId] ??= [0, 0]);
  perClient[field === "sent" ? 0 : 1] += 1;
  dirty = true;
  timer ??= setTimeout(flush, FLUSH_MS);
}

/** Subscribes the store to a socket; returns the unsubscribe. Called once by SocketProvider. */
export function attachThroughputCollector(socket: HeraldSocket): () => void {
  const onSent = (p: MessageEventPayload) => count(p, "sent");
  const onFailed = (p: MessageEventPayload) => count(p, "failed");
  socket.on("queue:message:sent", onSent);
  socket.on("queue:message:failed", onFailed);
  socket.on("queue:message:dead_letter", onFailed);
  return () => {
    socket.off("queue:message:sent", onSent);
    socket.off("queue:message:failed", onFailed);
    socket.off("queue:message:dead_letter", onFailed);
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
