"use client";

// The console's one way to listen to live events: subscribe to `events` on the shared socket,
// buffer what is heard, and hand it to `onFlush` in batches at most every `intervalMs`
// (event-buffer.ts). Handlers are named and removed on unmount; `onFlush` may change on every
// render (the latest one is called), so callers close over their current filter freely.
import { useEffect, useRef } from "react";
import { createEventBuffer } from "./event-buffer";
import type { LiveEvent, LivePayload } from "./live-events";
import { useLive } from "./socket-provider";

/** One event as heard: its name and payload, narrowed together. */
export type Heard<E extends LiveEvent> = E extends LiveEvent ? { event: E; payload: LivePayload<E> } : never;

export function useBufferedLive<E extends LiveEvent>(events: readonly E[], onFlush: (heard: Heard<E>[]) => void, intervalMs = 250): void {
  const { socket } = useLive();
  const latest = useRef(onFlush);
  useEffect(() => {
    latest.current = onFlush;
  });
  const names = events.join(" ");

  useEffect(() => {
    if (!socket || !names) return;
    const buffer = createEventBuffer<Heard<E>>((heard) => latest.current(heard), intervalMs);
    const subscriptions = (names.split(" ") as E[]).map((event) => {
      const handler = (payload: LivePayload<E>) => buffer.push({ event, payload } as Heard<E>);
      socket.on(event, handler as never);
      return () => void socket.off(event, handler as never);
    });
    return () => {
      for (const unsubscribe of subscriptions) unsubscribe();
      buffer.dispose();
    };
  }, [socket, names, intervalMs]);
}
