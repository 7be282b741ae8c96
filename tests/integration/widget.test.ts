// The widget API's use cases on SQLite and PostgreSQL: MISSING_FIELD for each missing field,
// tenantId from X-Tenant-ID, dedup by messageId, the send goes through the queue and wakes the
// worker, history pages, and a widget token that reaches its own conversation and no other.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { resetConfig } from "../../lib/config";
import { conversationIdFor } from "../../lib/conversations/conversation-id";
import { widgetHistory, widgetSend, widgetToken } from "../../lib/conversations/widget";
import { mintWidgetToken, verifyWidgetToken } from "../../lib/conversations/widget-token";
import { EventBus } from "../../lib/events/bus";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, createRecordingProvider, makeClient, makeWorker, servicesFor } from "../helpers/fixtures";

process.env.SESSION_SECRET = "widget-test-session-secret-0123456789";
resetConfig();

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

for (const dialect of DIALECTS) {
  describe(`the widget on ${dialect}`, () => {
    let t: TestDatabase;
    let a: string;
    let b: string;
    let conv: string;
    let other: string;
    const admin = { kind: "admin", via: "key" } as const;
    before(async () => {
      t = await createTestDatabase(dialect);
      a = (await makeClient(t.db, { phoneNumbers: ["+15550003001"] })).client.id;
      b = (await makeClient(t.db, { name: "Other", smsFrom: "+15550003002" })).client.id;
      await enqueueMessage(t, messageInputSchema.parse({ clientId: a, channel: "sms", to: "+15556660001", body: "first" }), { maxAttempts: 3 });
      await enqueueMessage(t, messageInputSchema.parse({ clientId: b, channel: "sms", to: "+15556660002", body: "b's" }), { maxAttempts: 3 });
      conv = conversationIdFor(a, "sms", "+15556660001");
      other = conversationIdFor(b, "sms", "+15556660002");
    });
    after(async () => t.destroy());

    test("each missing field is a 400 MISSING_FIELD naming it", async () => {
      const full = { conversationId: conv, tenantId: a, integrationId: "sms", text: "hi" };
      for (const [field, label] of [["conversationId", "conversationId"], ["tenantId", "tenantId"], ["integrationId", "integrationId"], ["text", "text or mediaUrl"]] as const) {
        const { [field]: _gone, ...body } = full;
        await assert.rejects(widgetSend(servicesFor(t), admin, body, null), (err: { code?: string; status?: number; details?: { path: string }[] }) => {
          assert.equal(err.code, "MISSING_FIELD");
          assert.equal(err.status, 400);
          assert.deepEqual(err.details!.map((d) => d.path), [label]);
          return true;
        });
      }
      await assert.rejects(widgetSend(servicesFor(t), admin, {}, null), (err: { details?: { path: string }[] }) => {
        assert.deepEqual(err.details!.map((d) => d.path), ["conversationId", "tenantId", "integrationId", "text or mediaUrl"]);
        return true;
      });
      const ok = await widgetSend(servicesFor(t), admin, { conversationId: conv, integrationId: "sms", mediaUrl: "https://example.com/x.png" }, a);
      assert.equal(ok.success, true, "tenantId from X-Tenant-ID; mediaUrl alone is enough");
    });

    test("a send is queued in its conversation, wakes the worker at once, and the same messageId sends once", async () => {
      const bus = new EventBus();
      let nudges = 0;
      bus.on("enqueued", () => nudges++);
      const body = { conversationId: conv, tenantId: a, integrationId: "sms", text: "See you Friday", messageId: "w-1" };
      const first = await widgetSend(servicesFor(t, bus), admin, body, null);
      const again = await widgetSend(servicesFor(t, bus), admin, body, null);
      assert.deepEqual(again, first);
      assert.equal(nudges, 1, "the worker is nudged by the one enqueue");
      const rows = await t.db.message.findMany({ where: { conversationId: conv, body: "See you Friday" } });
      assert.equal(rows.length, 1);
      assert.deepEqual([rows[0]!.id, rows[0]!.to, rows[0]!.channel, rows[0]!.status], [first.messageId, "+15556660001", "sms", "pending"]);
      const clock = new FakeClock(new Date());
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      await worker.runOnce();
      assert.ok(rec.sent.some((m) => m.body === "See you Friday" && m.to === "+15556660001"));
      await assert.rejects(widgetSend(servicesFor(t), admin, { ...body, tenantId: b }, null), { code: "NOT_FOUND" }, "the conversation is not that tenant's");
      await assert.rejects(widgetSend(servicesFor(t), admin, { ...body, integrationId: "+15559999999", messageId: "w-2" }, null), { code: "VALIDATION_FAILED" });
      const viaNumber = await widgetSend(servicesFor(t), admin, { ...body, integrationId: "+15550003001", messageId: "w-3" }, null);
      assert.ok(viaNumber.messageId, "one of the client's own numbers is a sender");
    });

    test("a send wakes a running worker at once: it reaches the provider long before the worker's next poll", async () => {
      const rec = createRecordingProvider("wake");
      // The real clock and a one-minute poll: only the wake-up can send it within seconds.
      const { worker, bus } = makeWorker(t, [rec.provider], { now: () => new Date() } as FakeClock, { intervalMs: 60_000 });
      bus.on("enqueued", () => worker.nudge()); // as server.ts wires the bus to the worker
      worker.start();
      try {
        assert.ok(await until(() => worker.status().lastTickAt !== null, 5_000), "the first tick ran");
        const sentBefore = rec.sent.length;
        const started = performance.now();
        await widgetSend(servicesFor(t, bus), admin, { conversationId: conv, tenantId: a, integrationId: "sms", text: "Woken, not polled", messageId: "wake-1" }, null);
        assert.ok(await until(() => rec.sent.some((m) => m.body === "Woken, not polled"), 10_000), "sent without waiting for the 60 s poll");
        assert.ok(performance.now() - started < 10_000);
        assert.equal(rec.sent.length, sentBefore + 1, "that one message, once");
      } finally {
        await worker.stop();
      }
    });

    test("a token reads and writes its own conversation only; history is {messages, total}", async () => {
      const { token, expiresAt } = await widgetToken(servicesFor(t), { kind: "client", clientId: a }, conv);
      assert.ok(Date.parse(expiresAt) > Date.now());
      assert.equal(verifyWidgetToken(token)?.conversationId, conv);
      assert.equal(verifyWidgetToken(token)?.expiresAt.toISOString(), expiresAt);
      const caller = { kind: "widget", conversationId: conv } as const;
      const history = await widgetHistory(servicesFor(t), caller, conv, 20, 0);
      assert.equal(history.total, history.messages.length);
      assert.deepEqual(Object.keys(history.messages[0]!).sort(), ["direction", "id", "mediaUrl", "mediaUrls", "status", "text", "timestamp"]);
      assert.equal(history.messages[0]!.text, "first", "oldest first");
      assert.ok(history.messages.some((m) => m.mediaUrl === "https://example.com/x.png"));
      await assert.rejects(widgetHistory(servicesFor(t), caller, other, 20, 0), { code: "NOT_FOUND" });
      await assert.rejects(widgetSend(servicesFor(t), caller, { conversationId: other, tenantId: b, integrationId: "sms", text: "x" }, null), { code: "NOT_FOUND" });
      await assert.rejects(widgetToken(servicesFor(t), caller, other), { code: "FORBIDDEN" });
      await assert.rejects(widgetToken(servicesFor(t), { kind: "client", clientId: b }, conv), { code: "NOT_FOUND" }, "a client key mints only for its own");
      assert.equal(verifyWidgetToken(mintWidgetToken(conv, new Date(Date.now() - 2 * 3600_000)).token), null, "expired");
      assert.equal(verifyWidgetToken(token.replace(/.$/, (c) => (c === "A" ? "B" : "A"))), null, "tampered");
    });
  });
}
