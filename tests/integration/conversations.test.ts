// Conversations on SQLite and PostgreSQL: every message, inbound and outbound, carries the
// id of its conversation (one customer on one channel of one client); inbound SMS and
// WhatsApp create and bump their conversation; a call's follow-ups land in the customer's
// conversations; the backfill fills in messages stored before conversations existed.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import twilio from "twilio";
import { handleCallWebhook } from "../../lib/calls/webhook";
import { backfillConversations } from "../../lib/conversations/backfill";
import { conversationIdFor } from "../../lib/conversations/conversation-id";
import { enqueueBatch, enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";
import { handleTwilioInbound } from "../../lib/webhooks/twilio-inbound";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient, servicesFor } from "../helpers/fixtures";
import { callPayload, signedRequest } from "../helpers/retell";
import { AUTH, FORM, PUBLIC_URL, RETELL } from "../helpers/webhook-env";

const NOW = new Date("2030-05-06T14:00:00.000Z");

for (const dialect of DIALECTS) {
  describe(`conversations on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    const inbound = (params: Record<string, string>, at = NOW) => {
      const path = "/api/webhooks/twilio/inbound";
      return handleTwilioInbound(servicesFor(t), new URLSearchParams(params).toString(), FORM, twilio.getExpectedTwilioSignature(AUTH, PUBLIC_URL + path, params), at);
    };
    const conversation = (id: string) => t.db.conversation.findUniqueOrThrow({ where: { id } });

    before(async () => {
      t = await createTestDatabase(dialect);
      clientId = (await makeClient(t.db, { agentIds: ["agent_e2e"], phoneNumbers: ["+15550001111"], whatsappFrom: "whatsapp:+15550001111" })).client.id;
    });
    after(async () => t.destroy());

    test("an inbound SMS and an inbound WhatsApp from one number are two conversations, each unread", async () => {
      await inbound({ From: "+15552220001", To: "+15550001111", Body: "Is Friday free?", MessageSid: "SM_c1" });
      await inbound({ From: "+15552220001", To: "+15550001111", Body: "Any time after 3", MessageSid: "SM_c2" }, new Date(NOW.getTime() + 60_000));
      await inbound({ From: "whatsapp:+15552220001", To: "whatsapp:+15550001111", Body: "hello on WhatsApp", MessageSid: "SM_c3", MediaUrl0: "https://example.com/a.jpg" }, new Date(NOW.getTime() + 120_000));
      assert.deepEqual(await inbound({ From: "+15552220001", To: "+15550001111", Body: "Is Friday free?", MessageSid: "SM_c1" }), { duplicate: true });

      const sms = await conversation(conversationIdFor(clientId, "sms", "+15552220001"));
      const wa = await conversation(conversationIdFor(clientId, "whatsapp", "+15552220001"));
      assert.deepEqual([sms.channel, sms.address, sms.unreadCount, sms.lastDirection, sms.lastText], ["sms", "+15552220001", 2, "inbound", "Any time after 3"], "a repeated webhook does not count twice");
      assert.equal(sms.updatedAt.toISOString(), new Date(NOW.getTime() + 60_000).toISOString());
      assert.deepEqual([wa.channel, wa.unreadCount, wa.lastInboundAt?.toISOString()], ["whatsapp", 1, new Date(NOW.getTime() + 120_000).toISOString()]);
      const stored = await t.db.inboundMessage.findMany({ where: { clientId, conversationId: wa.id } });
      assert.deepEqual(stored.map((m) => [m.channel, m.from, m.mediaUrl]), [["whatsapp", "+15552220001", "https://example.com/a.jpg"]]);
    });

    test("an API send, a batch send and a HELP reply carry their conversation and move it forward", async () => {
      const at = new Date(NOW.getTime() + 10 * 60_000);
      const { message } = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: "+15552220001", body: "Friday 4pm works" }), { maxAttempts: 3, now: at });
      const id = conversationIdFor(clientId, "sms", "+15552220001");
      assert.equal(message.conversationId, id);
      assert.equal((await t.db.message.findUniqueOrThrow({ where: { id: message.id } })).conversationId, id);
      const sms = await conversation(id);
      assert.deepEqual([sms.lastDirection, sms.lastText, sms.lastMessageId, sms.unreadCount, sms.updatedAt.toISOString()], ["outbound", "Friday 4pm works", message.id, 2, at.toISOString()], "a reply does not mark it read");

      const { results } = await enqueueBatch(t, [
        { clientId, channel: "whatsapp", to: "whatsapp:+15552220001", body: "see you" },
        { clientId, channel: "email", to: "New@Example.com", subject: "Your visit", body: "details" },
        { clientId, channel: "email", to: "new@example.com", subject: "Second", body: "more" },
      ], { maxAttempts: 3, now: at, allowClient: () => true });
      const ids = results.map((r) => ("message" in r ? r.message.conversationId : null));
      assert.deepEqual(ids, [conversationIdFor(clientId, "whatsapp", "+15552220001"), conversationIdFor(clientId, "email", "new@example.com"), conversationIdFor(clientId, "email", "new@example.com")]);
      const email = await conversation(ids[1]!);
      assert.deepEqual([email.address, email.lastText, email.unreadCount], ["new@example.com", "Second", 0], "two sends to one conversation in one statement: the later one is last");

      await inbound({ From: "+15552220001", To: "+15550001111", Body: "HELP", MessageSid: "SM_c4" }, new Date(at.getTime() + 1000));
      const help = await t.db.message.findFirstOrThrow({ where: { clientId, kind: "help_reply" } });
      assert.equal(help.conversationId, id);
      assert.equal((await conversation(id)).lastMessageId, help.id);
    });

    test("a call's follow-ups are in the customer's SMS and email conversations, with the customer", async () => {
      const body = callPayload({ callId: "call_conv_1", analysis: { customer_name: "Dana", customer_email: "dana@example.com", intent: "booking_request", appointment_booked: true, appointment_time: "2030-05-08T15:30:00.000Z" } });
      const { raw, signature } = signedRequest(RETELL, body, NOW.getTime());
      await handleCallWebhook(servicesFor(t), raw, signature, NOW);
      const messages = await t.db.message.findMany({ where: { callId: "call_conv_1" } });
      assert.ok(messages.length >= 2);
      for (const m of messages) assert.equal(m.conversationId, conversationIdFor(clientId, m.channel, m.to), `${m.kind} ${m.channel}`);
      const sms = messages.find((m) => m.channel === "sms")!;
      const conv = await conversation(sms.conversationId!);
      assert.equal(conv.customerId, sms.customerId);
      assert.ok(conv.customerId);
    });

    test("the backfill gives old messages their conversation and creates the missing conversations, once", async () => {
      const old = new Date("2030-01-01T00:00:00.000Z");
      const { message: a } = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: "+15553330001", body: "old one" }), { maxAttempts: 3, now: old });
      const { message: b } = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: "+15553330001", body: "old two" }), { maxAttempts: 3, now: new Date(old.getTime() + 1000) });
      const { message: c } = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "whatsapp", to: "whatsapp:+15553330002", body: "old wa" }), { maxAttempts: 3, now: old });
      await inbound({ From: "+15553330001", To: "+15550001111", Body: "an old reply", MessageSid: "SM_old" }, new Date(old.getTime() + 500));
      // As stored before conversations: no conversationId on outbound messages, no Conversation rows.
      await t.db.message.updateMany({ where: { id: { in: [a.id, b.id, c.id] } }, data: { conversationId: null } });
      await t.db.conversation.deleteMany({});

      const first = await backfillConversations(t);
      assert.ok(first.messages >= 3);
      assert.equal(await t.db.message.count({ where: { conversationId: null } }), 0);
      const smsId = conversationIdFor(clientId, "sms", "+15553330001");
      assert.deepEqual((await t.db.message.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { id: "asc" } })).map((m) => m.conversationId).sort(),
        [smsId, smsId, conversationIdFor(clientId, "whatsapp", "+15553330002")].sort());
      const sms = await conversation(smsId);
      assert.deepEqual([sms.address, sms.lastText, sms.lastDirection, sms.unreadCount, sms.updatedAt.toISOString(), sms.createdAt.toISOString(), sms.lastInboundAt?.toISOString()],
        ["+15553330001", "old two", "outbound", 0, new Date(old.getTime() + 1000).toISOString(), old.toISOString(), new Date(old.getTime() + 500).toISOString()]);
      const wa = await conversation(conversationIdFor(clientId, "whatsapp", "+15553330002"));
      assert.equal(wa.address, "+15553330002");
      const inboundOnly = await conversation(conversationIdFor(clientId, "whatsapp", "+15552220001"));
      assert.equal(inboundOnly.channel, "whatsapp");
      const count = await t.db.conversation.count();
      assert.deepEqual(await backfillConversations(t), { messages: 0, conversations: 0 });
      assert.equal(await t.db.conversation.count(), count);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`the conversations API on ${dialect}`, () => {
    let t: TestDatabase;
    let a: string;
    let b: string;
    const base = new Date("2030-06-01T12:00:00.000Z");
    const inbound = (params: Record<string, string>, at: Date) => {
      const path = "/api/webhooks/twilio/inbound";
      return handleTwilioInbound(servicesFor(t), new URLSearchParams(params).toString(), FORM, twilio.getExpectedTwilioSignature(AUTH, PUBLIC_URL + path, params), at);
    };
    before(async () => {
      t = await createTestDatabase(dialect);
      a = (await makeClient(t.db, { phoneNumbers: ["+15550002001"], whatsappFrom: "whatsapp:+15550002001" })).client.id;
      b = (await makeClient(t.db, { name: "Other Dental", smsFrom: "+15550002002", phoneNumbers: ["+15550002002"] })).client.id;
      // Client A: five SMS conversations, one a minute; one WhatsApp reply; client B: one.
      for (let i = 0; i < 5; i++) {
        await enqueueMessage(t, messageInputSchema.parse({ clientId: a, channel: "sms", to: `+1555444000${i}`, body: `hello ${i}` }), { maxAttempts: 3, now: new Date(base.getTime() + i * 60_000) });
      }
      await inbound({ From: "whatsapp:+15554440009", To: "whatsapp:+15550002001", Body: "a question", MessageSid: "SM_api_1" }, new Date(base.getTime() + 10 * 60_000));
      await inbound({ From: "+15554440001", To: "+15550002002", Body: "to B", MessageSid: "SM_api_2" }, new Date(base.getTime() + 11 * 60_000));
    });
    after(async () => t.destroy());

    test("newest activity first, keyset pages, filters, windowClosesAt, the shape of API.md", async () => {
      const { listConversations } = await import("../../lib/conversations/queries");
      const first = await listConversations(t, { clientId: a, limit: 4 });
      assert.deepEqual(first.conversations.map((c) => c.address), ["+15554440009", "+15554440004", "+15554440003", "+15554440002"]);
      const wa = first.conversations[0]!;
      assert.deepEqual(wa, {
        id: conversationIdFor(a, "whatsapp", "+15554440009"), clientId: a, channel: "whatsapp",
        customer: { id: null, name: null, phone: "+15554440009", email: null }, address: "+15554440009",
        lastMessage: { direction: "inbound", text: "a question", status: "received", at: new Date(base.getTime() + 10 * 60_000).toISOString() },
        unreadCount: 1, lastReadAt: null, windowClosesAt: new Date(base.getTime() + 10 * 60_000 + 24 * 3600_000).toISOString(), updatedAt: new Date(base.getTime() + 10 * 60_000).toISOString(),
      });
      assert.deepEqual(first.conversations[1]!.lastMessage, { direction: "outbound", text: "hello 4", status: "pending", at: new Date(base.getTime() + 4 * 60_000).toISOString() });
      assert.equal(first.conversations[1]!.windowClosesAt, null, "SMS has no window");
      const second = await listConversations(t, { clientId: a, limit: 4, cursor: first.nextCursor! });
      assert.deepEqual(second.conversations.map((c) => c.address), ["+15554440001", "+15554440000"]);
      assert.equal(second.nextCursor, null);
      assert.deepEqual((await listConversations(t, { clientId: a, unread: "true", limit: 50 })).conversations.map((c) => c.address), ["+15554440009"]);
      assert.deepEqual((await listConversations(t, { clientId: a, channel: "whatsapp", limit: 50 })).conversations.length, 1);
      assert.deepEqual((await listConversations(t, { clientId: a, q: "440003", limit: 50 })).conversations.map((c) => c.address), ["+15554440003"]);
      assert.deepEqual((await listConversations(t, { limit: 50 })).conversations.map((c) => c.clientId)[0], b, "the admin sees every client");
    });

    test("the unread totals count conversations with unread replies and the replies, per client or all", async () => {
      const { unreadTotals } = await import("../../lib/conversations/queries");
      const before = await unreadTotals(t, a);
      await inbound({ From: "+15554440003", To: "+15550002001", Body: "one", MessageSid: "SM_unread_1" }, new Date(base.getTime() + 30 * 60_000));
      await inbound({ From: "+15554440003", To: "+15550002001", Body: "two", MessageSid: "SM_unread_2" }, new Date(base.getTime() + 31 * 60_000));
      assert.deepEqual(await unreadTotals(t, a), { conversations: before.conversations + 1, messages: before.messages + 2 });
      assert.deepEqual(await unreadTotals(t, b), { conversations: 1, messages: 1 }, "B's one reply");
      const all = await unreadTotals(t);
      assert.equal(all.messages, before.messages + 3);
    });

    test("search is literal (% and _ match only themselves) and finds by the customer's name; a customer known later is shown", async () => {
      const { listConversations } = await import("../../lib/conversations/queries");
      assert.deepEqual((await listConversations(t, { clientId: a, q: "%", limit: 50 })).conversations, [], "% is not a wildcard");
      assert.deepEqual((await listConversations(t, { clientId: a, q: "_", limit: 50 })).conversations, [], "_ is not a wildcard");
      assert.deepEqual((await listConversations(t, { clientId: a, q: "HELLO 2", limit: 50 })).conversations.map((c) => c.address), ["+15554440002"], "the last text, blind to case");
      // The conversation began with an API send; the customer is only known afterwards (a call).
      await t.db.customer.create({ data: { id: "cus_later_1", clientId: a, phone: "+15554440002", name: "Robin 100% Reed" } });
      const [found] = (await listConversations(t, { clientId: a, q: "robin", limit: 50 })).conversations;
      assert.deepEqual(found?.customer, { id: "cus_later_1", name: "Robin 100% Reed", phone: "+15554440002", email: null });
      assert.deepEqual((await listConversations(t, { clientId: a, q: "100%", limit: 50 })).conversations.map((c) => c.address), ["+15554440002"]);
      assert.deepEqual((await listConversations(t, { clientId: b, q: "robin", limit: 50 })).conversations, [], "another client's customer is not searched");
    });

    test("a client sees only its own; mark read zeroes unread and keeps the activity; history pages from the newest", async () => {
      const { getVisibleConversation, markConversationRead, conversationHistory, conversationDetail } = await import("../../lib/conversations/queries");
      const id = conversationIdFor(a, "whatsapp", "+15554440009");
      await assert.rejects(getVisibleConversation(t, { kind: "client", clientId: b }, id), { code: "NOT_FOUND" });
      await assert.rejects(getVisibleConversation(t, { kind: "widget", conversationId: "conv_other" }, id), { code: "NOT_FOUND" });
      const row = await getVisibleConversation(t, { kind: "client", clientId: a }, id);
      const read = await markConversationRead(t, row, new Date(base.getTime() + 20 * 60_000));
      assert.deepEqual([read.unreadCount, read.lastReadAt, read.updatedAt], [0, new Date(base.getTime() + 20 * 60_000).toISOString(), new Date(base.getTime() + 10 * 60_000).toISOString()]);

      for (let i = 0; i < 3; i++) {
        await enqueueMessage(t, messageInputSchema.parse({ clientId: a, channel: "whatsapp", to: "whatsapp:+15554440009", body: `reply ${i}` }), { maxAttempts: 3, now: new Date(base.getTime() + (12 + i) * 60_000) });
      }
      const page = await conversationHistory(t, id, 2, 0);
      assert.equal(page.total, 4);
      assert.deepEqual(page.messages.map((m) => [m.direction, m.text]), [["outbound", "reply 1"], ["outbound", "reply 2"]], "the latest two, oldest first");
      const older = await conversationHistory(t, id, 2, 2);
      assert.deepEqual(older.messages.map((m) => [m.direction, m.text, m.status]), [["inbound", "a question", "received"], ["outbound", "reply 0", "pending"]]);
      assert.equal(older.messages[0]!.timestamp, new Date(base.getTime() + 10 * 60_000).toISOString());
      const detail = await conversationDetail(t, await getVisibleConversation(t, { kind: "admin", via: "key" }, id));
      assert.equal(detail.messages.length, 4);
      assert.equal(detail.conversation.lastMessage!.text, "reply 2");
    });

    test("a search matching more than a thousand conversations pages through every one, newest first (the page is cut in SQL)", async () => {
      const { listConversations } = await import("../../lib/conversations/queries");
      const items = Array.from({ length: 1200 }, (_, i) => ({ clientId: a, channel: "sms", to: `+1555777${String(i).padStart(4, "0")}`, body: `bulk reminder ${i}` }));
      const { results } = await enqueueBatch(t, items, { maxAttempts: 3, now: new Date(base.getTime() + 30 * 60_000), allowClient: () => true });
      assert.equal(results.filter((r) => "message" in r).length, 1200);
      await t.db.customer.create({ data: { id: "cus_bulk_1", clientId: a, phone: "+15557770007", name: "Bulk Named" } });
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await listConversations(t, { clientId: a, q: "BULK", limit: 200, cursor });
        seen.push(...page.conversations.map((c) => c.address));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      assert.equal(seen.length, 1200, "every match, not only the first thousand");
      assert.equal(new Set(seen).size, 1200, "no conversation twice across pages");
      const [named] = (await listConversations(t, { clientId: a, q: "bulk named", limit: 50 })).conversations;
      assert.deepEqual([named?.address, named?.customer.name], ["+15557770007", "Bulk Named"], "by the customer's name too");
      assert.deepEqual((await listConversations(t, { clientId: a, q: "bulk", unread: "true", limit: 50 })).conversations, [], "filters apply to a search");
    });
  });
}
