// Two replicas on one PostgreSQL: a browser connected to one sees what the other did,
// through the Socket.IO Postgres adapter, and nothing twice.
import assert from "node:assert/strict";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { io as connect, type Socket } from "socket.io-client";
import { resetConfig } from "../../lib/config";
import { EventBus } from "../../lib/events/bus";
import { joinRealtimeCluster } from "../../lib/realtime/cluster";
import type { MessageEventPayload } from "../../lib/realtime/contract";
import { attachRealtime, type HeraldIo } from "../../lib/realtime/server";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";

const ADMIN_KEY = "cluster-admin-key-0123456789";
process.env.ADMIN_API_KEY = ADMIN_KEY;
resetConfig();

interface Replica {
  http: HttpServer;
  io: HeraldIo;
  bus: EventBus;
  url: string;
  leave: () => Promise<void>;
}

async function startReplica(t: TestDatabase): Promise<Replica> {
  const http = createServer();
  const bus = new EventBus();
  const io = attachRealtime(http, t, bus);
  const leave = await joinRealtimeCluster(io, t.dialect.name, t.url);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { http, io, bus, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, leave };
}

function payload(messageId: string, clientId: string): MessageEventPayload {
  return { messageId, clientId, channel: "sms", to: "+15550001234", status: "pending", attempts: 0, provider: null, error: null, nextAttemptAt: null };
}

let t: TestDatabase;
let a: Replica;
let b: Replica;
const sockets: Socket[] = [];

before(async () => {
  t = await createTestDatabase("postgres");
  a = await startReplica(t);
  b = await startReplica(t);
});

after(async () => {
  for (const s of sockets) s.close();
  for (const r of [a, b]) {
    await new Promise<void>((resolve) => r.io.close(() => resolve()));
    await r.leave();
  }
  await t.destroy();
});

test("an event on one replica reaches a browser connected to the other, once", async () => {
  const socket = connect(a.url, { transports: ["websocket"], auth: { token: ADMIN_KEY }, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", () => resolve());
    socket.on("connect_error", reject);
  });
  const heard: string[] = [];
  socket.on("queue:message:queued", (p) => heard.push(p.messageId));

  // The adapter listens asynchronously: keep emitting on B until A's browser hears one.
  const deadline = Date.now() + 10_000;
  let n = 0;
  while (!heard.length && Date.now() < deadline) {
    b.bus.emit("message", { event: "queued", payload: payload(`msg_warm_${n++}`, "cli_x") });
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(heard.length, "the browser on replica A heard replica B's event");

  heard.length = 0;
  b.bus.emit("message", { event: "queued", payload: payload("msg_from_b", "cli_x") });
  a.bus.emit("message", { event: "queued", payload: payload("msg_from_a", "cli_x") });
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(heard.filter((id) => !id.startsWith("msg_warm_")).sort(), ["msg_from_a", "msg_from_b"]);
});
