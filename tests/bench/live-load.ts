// The live load of the console benchmark: real messages enqueued through the API at a steady
// rate (POST /api/messages/batch every 100 ms), which the worker sends and the sandbox delivers,
// so each one makes queued, processing, sent and delivered events; and a socket of our own,
// authenticated like the console, that counts the events the admin room really received.
import type { APIRequestContext } from "@playwright/test";
import { io } from "socket.io-client";

const TICK_MS = 100;
export const EVENTS_PER_MESSAGE = 4;

/** Counts queue:message:* events per whole second, from now until `stop()`. */
export function countEvents(url: string, token: string) {
  const socket = io(url, { auth: { token }, transports: ["websocket"] });
  const perSecond: number[] = [];
  let started = 0;
  socket.onAny((event: string) => {
    if (!event.startsWith("queue:message:")) return;
    if (!started) started = Date.now();
    const second = Math.floor((Date.now() - started) / 1000);
    perSecond[second] = (perSecond[second] ?? 0) + 1;
  });
  return {
    connected: () => new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once("connect", () => resolve()))),
    stop: () => {
      socket.disconnect();
      return Array.from(perSecond, (n) => n ?? 0);
    },
  };
}

/** Enqueues `perSecond` messages a second for `seconds`, spread over 100 ms ticks on a fixed schedule. */
export async function enqueueAtRate(request: APIRequestContext, headers: Record<string, string>, clientIds: string[], perSecond: number, seconds: number) {
  const ticks = (seconds * 1000) / TICK_MS;
  const started = Date.now();
  const posts: Promise<{ count: number; ms: number }>[] = [];
  let owed = 0;
  let n = 0;
  for (let k = 0; k < ticks; k++) {
    await new Promise((r) => setTimeout(r, Math.max(0, started + k * TICK_MS - Date.now())));
    owed += (perSecond * TICK_MS) / 1000;
    const count = Math.floor(owed);
    owed -= count;
    if (count === 0) continue;
    const messages = Array.from({ length: count }, () => {
      n++;
      return { clientId: clientIds[n % clientIds.length], channel: "sms", to: `+1555${String(9_000_000 + n)}`, body: `Live load ${n}` };
    });
    const sentAt = Date.now();
    posts.push(request.post("/api/messages/batch", { headers, data: { messages } }).then((res) => {
      if (res.status() !== 202) throw new Error(`batch answered ${res.status()}`);
      return { count, ms: Date.now() - sentAt };
    }));
  }
  const done = await Promise.all(posts);
  return { enqueued: done.reduce((a, d) => a + d.count, 0), postMs: done.map((d) => d.ms) };
}
