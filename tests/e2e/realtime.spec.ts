// Socket.IO as its real callers use it: handshake auth, rooms per client, live events.
import { expect, test } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, MessageEventPayload, ServerToClientEvents } from "../../lib/realtime/contract";

const ADMIN_KEY = "e2e-admin-key-0123456789";
const ADMIN = { Authorization: `Bearer ${ADMIN_KEY}` };
type HeraldSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(baseURL: string, token?: string): Promise<HeraldSocket> {
  const socket: HeraldSocket = io(baseURL, { transports: ["websocket"], auth: token ? { token } : {}, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", (err) => reject(err));
  });
}

function record(socket: HeraldSocket) {
  const seen: { event: string; payload: MessageEventPayload }[] = [];
  socket.onAny((event: string, payload: MessageEventPayload) => {
    if (event.startsWith("queue:message:")) seen.push({ event, payload });
  });
  return seen;
}

test("a handshake without credentials is refused", async ({ baseURL }) => {
  await expect(connect(baseURL!)).rejects.toThrow(/UNAUTHENTICATED/);
  await expect(connect(baseURL!, "wrong-key")).rejects.toThrow(/UNAUTHENTICATED/);
});

test("admins see every client's events; a client key sees only its own", async ({ baseURL, request }) => {
  const mk = async (name: string) => (await (await request.post("/api/clients", { headers: ADMIN, data: { name, timezone: "UTC" } })).json()) as { client: { id: string }; apiKey: string };
  const a = await mk("Realtime A");
  const b = await mk("Realtime B");
  const admin = await connect(baseURL!, ADMIN_KEY);
  const asA = await connect(baseURL!, a.apiKey);
  const adminSeen = record(admin);
  const aSeen = record(asA);
  const stats: unknown[] = [];
  admin.on("queue:stats", (s) => stats.push(s));
  try {
    const send = async (clientId: string, to: string) =>
      (await (await request.post("/api/messages", { headers: ADMIN, data: { clientId, channel: "sms", to, body: "live" } })).json()).message.id as string;
    const idA = await send(a.client.id, "+15556660100");
    const idB = await send(b.client.id, "+15556660200");

    await expect.poll(() => adminSeen.filter((e) => e.payload.messageId === idA).map((e) => e.event), { timeout: 10_000 }).toEqual([
      "queue:message:queued", "queue:message:processing", "queue:message:sent", "queue:message:delivered",
    ]);
    await expect.poll(() => adminSeen.some((e) => e.payload.messageId === idB && e.event === "queue:message:delivered"), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => aSeen.some((e) => e.payload.messageId === idA && e.event === "queue:message:delivered"), { timeout: 10_000 }).toBe(true);
    expect(aSeen.every((e) => e.payload.clientId === a.client.id)).toBe(true);
    const delivered = adminSeen.find((e) => e.payload.messageId === idA && e.event === "queue:message:sent")!.payload;
    expect(delivered).toMatchObject({ clientId: a.client.id, channel: "sms", to: "+15556660100", status: "sent", attempts: 1, provider: "sandbox" });
    await expect.poll(() => stats.length, { timeout: 5_000 }).toBeGreaterThan(0);
  } finally {
    admin.close();
    asA.close();
  }
});
