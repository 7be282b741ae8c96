// The widget thread's own routes on SQLite and PostgreSQL: the conversation a token may read
// (its client, channel and WhatsApp window), and a Retry scoped to that conversation that
// moves a failed message once (a second Retry before it fails again is refused).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { conversationIdFor } from "../../lib/conversations/conversation-id";
import { widgetConversation, widgetRetry } from "../../lib/conversations/widget-thread";
import { EventBus } from "../../lib/events/bus";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient, servicesFor } from "../helpers/fixtures";

for (const dialect of DIALECTS) {
  describe(`the widget thread's routes on ${dialect}`, () => {
    let t: TestDatabase;
    let a: string;
    let conv: string;
    let other: string;
    let failed: string;
    let theirs: string;
    before(async () => {
      t = await createTestDatabase(dialect);
      a = (await makeClient(t.db, { smsFrom: "+15550004001" })).client.id;
      const enqueue = async (to: string) => (await enqueueMessage(t, messageInputSchema.parse({ clientId: a, channel: "sms", to, body: "hello" }), { maxAttempts: 3 })).message.id;
      failed = await enqueue("+15556664001");
      theirs = await enqueue("+15556664002");
      await t.db.message.updateMany({ where: { id: { in: [failed, theirs] } }, data: { status: "dead_letter", deadLetterReason: "recipient" } });
      conv = conversationIdFor(a, "sms", "+15556664001");
      other = conversationIdFor(a, "sms", "+15556664002");
    });
    after(async () => t.destroy());

    test("a token reads its own conversation (client, channel, window) and no other", async () => {
      const caller = { kind: "widget", conversationId: conv } as const;
      const { conversation } = await widgetConversation(servicesFor(t), caller, conv);
      assert.deepEqual([conversation.id, conversation.clientId, conversation.channel, conversation.windowClosesAt], [conv, a, "sms", null]);
      await assert.rejects(widgetConversation(servicesFor(t), caller, other), { code: "NOT_FOUND" });
    });

    test("Retry re-queues a failed message of its conversation once; another conversation's message is not found", async () => {
      const caller = { kind: "widget", conversationId: conv } as const;
      const bus = new EventBus();
      const events: string[] = [];
      bus.on("message", ({ event, payload }) => events.push(`${event}:${payload.messageId}:${payload.conversationId}`));
      await assert.rejects(widgetRetry(servicesFor(t, bus), caller, conv, theirs), { code: "NOT_FOUND" }, "a message of another conversation, even of the same client");
      await assert.rejects(widgetRetry(servicesFor(t, bus), caller, other, theirs), { code: "NOT_FOUND" }, "the token's conversation only");
      await assert.rejects(widgetRetry(servicesFor(t, bus), caller, conv, undefined), { code: "MISSING_FIELD" });
      const { message } = await widgetRetry(servicesFor(t, bus), caller, conv, failed);
      assert.equal(message.status, "pending");
      await assert.rejects(widgetRetry(servicesFor(t, bus), caller, conv, failed), { code: "INVALID_STATE" }, "a second Retry of the same failure sends nothing");
      assert.deepEqual(events, [`retry:${failed}:${conv}`], "one retry event, into the conversation's room");
      assert.equal((await t.db.message.findUniqueOrThrow({ where: { id: theirs } })).status, "dead_letter");
    });
  });
}
