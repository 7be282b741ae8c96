"use client";

// Calls in progress: seeded from GET /api/calls?status=ongoing, then kept by call:* events. An
// ended call stays a minute (marked ended) so a glance at the panel still shows what just happened.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { fetchJson } from "@/components/api/api-client";
import type { ApiCall } from "@/components/api/types";
import { CALL_EVENTS } from "@/components/live/live-events";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import { callsUrl } from "./calls-url";

export const ENDED_LINGER_MS = 60_000;

/** A call in the "calls now" panel. */
export interface LiveCall {
  callId: string;
  clientId: string;
  direction: string;
  fromNumber: string | null;
  toNumber: string | null;
  status: string;
  startedAt: string;
  /** When the panel heard it end (ms); ended calls linger briefly, then leave. */
  endedAt?: number;
  durationMs?: number | null;
}

export function useCallsNow(clientId: string | undefined, now: number) {
  const [heard, setHeard] = useState<ReadonlyMap<string, LiveCall>>(new Map());
  const seedKey = ["calls", "ongoing", clientId ?? null] as const;
  const reseed = useThrottledRefetch(seedKey, 1_000);
  const seed = useQuery({
    queryKey: seedKey,
    queryFn: () => fetchJson<{ calls: ApiCall[] }>(callsUrl({ status: "ongoing", limit: "50", clientId })).then((r) => r.calls),
  });

  useBufferedLive(CALL_EVENTS, (events) => {
    const mine = events.filter(({ payload }) => !clientId || payload.clientId === clientId);
    if (mine.length === 0) return;
    // The event carries when it was heard, not when the call began: the list knows that.
    if (mine.some(({ event }) => event === "call:started")) reseed();
    setHeard((prev) => {
      const next = new Map(prev);
      for (const { event, payload: p } of mine) {
        const known = next.get(p.callId);
        const ended = event !== "call:started";
        next.set(p.callId, {
          callId: p.callId,
          clientId: p.clientId,
          direction: p.direction,
          fromNumber: p.fromNumber,
          toNumber: p.toNumber,
          status: p.status,
          startedAt: known?.startedAt ?? p.timestamp,
          durationMs: p.durationMs,
          endedAt: ended ? (known?.endedAt ?? Date.now()) : undefined,
        });
      }
      return next;
    });
  });

  const calls = useMemo(() => {
    const merged = new Map<string, LiveCall>();
    for (const c of seed.data ?? []) {
      const { callId, clientId: owner, direction, fromNumber, toNumber, status, durationMs } = c;
      merged.set(callId, { callId, clientId: owner, direction, fromNumber, toNumber, status, durationMs, startedAt: c.startedAt ?? c.createdAt });
    }
    for (const [id, c] of heard) merged.set(id, { ...c, startedAt: merged.get(id)?.startedAt ?? c.startedAt });
    return [...merged.values()]
      .filter((c) => (!clientId || c.clientId === clientId) && (!c.endedAt || now - c.endedAt < ENDED_LINGER_MS))
      .sort((a, b) => Number(!!a.endedAt) - Number(!!b.endedAt) || b.startedAt.localeCompare(a.startedAt));
  }, [seed.data, heard, now, clientId]);

  return { calls, seed };
}
