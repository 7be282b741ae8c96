// Socket.IO rooms of conversations: a socket with a widget token hears status_update and
// inbound_message of its own conversation only, never another's nor the console's events;
// a forged or expired token is refused; the console's admin socket gets conversation:updated.
// Also that the worker thread's bus hands conversation events across (CROSSING).
import assert from "node:assert/strict";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { io as connect, type Socket } from "socket.io-client";
import { resetConfig } from "../../lib/config";
import { mintWidgetToken } from "../../lib/conversations/widget-token";
import { CROSSING } from "../../lib/engine/worker-protocol";
import { EventBus } from "../../lib/events/bus";
import type { ConversationEventPayload, MessageEventPayload } from "../../lib/realtime/contract";
import { attachRealtime, type HeraldIo } from "../../lib/realtime/server";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";

const ADMIN_KEY = "widget-rt-admin-key-0123456789";
process.env.ADMIN_API_KEY = ADMIN_KEY;
process.env.SESSION_SECRET = "widget-rt-session-secret-0123456789";
resetConfig();

let t: TestDatabase;
let http: HttpServer;
let io: HeraldIo;
const bus = new EventBus();
let url: string;
const sockets: Socket[] = [];

before(async () => {
  t = await createTestDatabase("sqlite");
  http = createServer();
  io = attachRealtime(http, t, bus);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
after(async () => {
  for (const s of sockets) s.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await t.destroy();
});

function open(token: string): Promise<Socket> {
  const socket = connect(url, { transports: ["websocket"], auth: { token }, reconnection: false });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", (err) => reject(err));
  });
}

function heard(socket: Socket) {
  const events: [string, unknown][] = [];
  socket.onAny((name: string, payload: unknown) => events.push([name, payload]));
  return events;
}

const message = (messageId: string, conversationId: string, status = "sent"): MessageEventPayload =>
  ({ messageId, clientId: "cl_a", channel: "sms", to: "+15550001234", status, attempts: 1, provider: "sandbox", error: null, nextAttemptAt: null, conversationId });

test("a widget token's socket hears its conversation only; the admin hears conversation:updated", async () => {
  const mine = await open(mintWidgetToken("conv_mine").token);
  const theirs = await open(mintWidgetToken("conv_theirs").token);
  const admin = await open(ADMIN_KEY);
  const [m, th, ad] = [heard(mine), heard(theirs), heard(admin)];

  bus.emit("message", { event: "sent", payload: message("msg_1", "conv_mine") });
  bus.emit("message", { event: "delivered", payload: message("msg_2", "conv_theirs", "delivered") });
  bus.emit("inbound", { conversationId: "conv_theirs", messageId: "SM9", text: "not for you", mediaUrl: null, timestamp: new Date().toISOString() });
  bus.emit("inbound", { conversationId: "conv_mine", messageId: "SM1", text: "hi", mediaUrl: null, timestamp: "2030-01-01T00:00:00.000Z" });
  const conversation = { id: "conv_mine", clientId: "cl_a", channel: "sms", customer: { id: null, name: null, phone: "+1", email: null }, address: "+1", lastMessage: null, unreadCount: 1, lastReadAt: null, windowClosesAt: null, updatedAt: "2030-01-01T00:00:00.000Z" } satisfies ConversationEventPayload;
  bus.emit("conversation", { clientId: "cl_a", conversation });
  // A round trip on each socket after the emits: anything sent to it has arrived.
  await new Promise((r) => setTimeout(r, 200));

  assert.deepEqual(m, [
    ["status_update", { messageId: "msg_1", conversationId: "conv_mine", status: "sent" }],
    ["inbound_message", { conversationId: "conv_mine", messageId: "SM1", text: "hi", mediaUrl: null, timestamp: "2030-01-01T00:00:00.000Z" }],
  ]);
  assert.deepEqual(th.map(([n, p]) => [n, (p as { messageId: string }).messageId]), [["status_update", "msg_2"], ["inbound_message", "SM9"]]);
  assert.deepEqual(ad.map(([n]) => n), ["queue:message:sent", "queue:message:delivered", "conversation:updated"], "the console is not in conversation rooms; it gets the inbox's event");
  assert.deepEqual(ad[2]![1], conversation);
});

test("a forged or expired widget token is refused at the handshake", async () => {
  const good = mintWidgetToken("conv_mine").token;
  await assert.rejects(open(good.replace(/.$/, (c) => (c === "A" ? "B" : "A"))), /UNAUTHENTICATED/);
  await assert.rejects(open(mintWidgetToken("conv_mine", new Date(Date.now() - 7200_000)).token), /UNAUTHENTICATED/);
});

test("conversation events cross from the worker thread", () => {
  assert.equal(CROSSING.conversation, true);
  assert.equal(CROSSING.inbound, true);
  assert.equal(CROSSING.message, true);
});

test("a widget socket is closed when its token expires", async () => {
  // Expiry is kept in whole seconds: this token ends between 0.5 and 1.5 s from now.
  const socket = await open(mintWidgetToken("conv_mine", new Date(), 1500).token);
  const started = Date.now();
  const reason = await new Promise<string>((resolve) => socket.on("disconnect", resolve));
  assert.equal(reason, "io server disconnect");
  assert.ok(Date.now() - started < 2000, `closed after ${Date.now() - started} ms`);
});

test("an API send and its ticks announce the conversation to the console, gathered, with its last message", async () => {
  const clientId = (await makeClient(t.db, { phoneNumbers: ["+15550007001"] })).client.id;
  const { message: sent } = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: "+15557770123", body: "See you at 10" }), { maxAttempts: 3 });
  const admin = await open(ADMIN_KEY);
  const events = heard(admin);
  const payload = { ...message(sent.id, sent.conversationId!, "pending"), clientId };
  bus.emit("message", { event: "queued", payload });
  bus.emit("message", { event: "sent", payload: { ...payload, status: "sent" } });
  await new Promise((r) => setTimeout(r, 700));
  const updates = events.filter(([name]) => name === "conversation:updated").map(([, p]) => p as ConversationEventPayload);
  assert.equal(updates.length, 1, "two events of one conversation within a flush are one announcement");
  assert.equal(updates[0]!.id, sent.conversationId);
  assert.deepEqual(updates[0]!.lastMessage && [updates[0]!.lastMessage.direction, updates[0]!.lastMessage.text], ["outbound", "See you at 10"]);
});
