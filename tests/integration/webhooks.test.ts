// Provider webhooks in, on SQLite and PostgreSQL: Twilio status callbacks and inbound
// messages (X-Twilio-Signature), SendGrid events (ECDSA P-256).
import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "node:crypto";
import { after, before, describe, test } from "node:test";
import twilio from "twilio";
import { resetConfig } from "../../lib/config";
import { getContext } from "../../lib/context";
import { getErrorLogger } from "../../lib/errorlog/log-error";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";
import { handleTwilioStatus } from "../../lib/webhooks/twilio-status";
import { handleTwilioInbound } from "../../lib/webhooks/twilio-inbound";
import { handleSendgridEvents } from "../../lib/webhooks/sendgrid-events";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, createRecordingProvider, makeClient, servicesFor, makeWorker } from "../helpers/fixtures";

const AUTH = "twilio-test-auth-token";
const PUBLIC_URL = "https://herald.example.com";
const FORM = "application/x-www-form-urlencoded";
const keys = generateKeyPairSync("ec", { namedCurve: "prime256v1" });

function twilioForm(path: string, params: Record<string, string>, token = AUTH) {
  return { raw: new URLSearchParams(params).toString(), signature: twilio.getExpectedTwilioSignature(token, PUBLIC_URL + path, params) };
}

function sendgridSigned(events: unknown[], nowMs = Date.now()) {
  const raw = JSON.stringify(events);
  const ts = String(Math.floor(nowMs / 1000));
  return { raw, ts, signature: sign("sha256", Buffer.from(ts + raw), keys.privateKey).toString("base64") };
}

for (const dialect of DIALECTS) {
  describe(`provider webhooks on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    const sentMessage = async (to: string, pmid: string, channel: "sms" | "email" = "sms") => {
      const input = messageInputSchema.parse(channel === "sms" ? { clientId, channel, to, body: "hi" } : { clientId, channel, to, subject: "s", body: "hi" });
      const { message } = await enqueueMessage(t, input, { maxAttempts: 3 });
      return t.db.message.update({ where: { id: message.id }, data: { status: "sent", providerMessageId: pmid, sentAt: new Date(), provider: "twilio" } });
    };
    const status = (id: string) => t.db.message.findUniqueOrThrow({ where: { id } }).then((m) => m.status);

    before(async () => {
      t = await createTestDatabase(dialect);
      await getContext().close();
      Object.assign(process.env, { DATABASE_URL: t.url, TWILIO_AUTH_TOKEN: AUTH, PUBLIC_URL, SENDGRID_WEBHOOK_PUBLIC_KEY: keys.publicKey.export({ type: "spki", format: "der" }).toString("base64") });
      resetConfig();
      clientId = (await makeClient(t.db, { smsFrom: "+15550001111" })).client.id;
    });
    after(async () => {
      await getErrorLogger().flush();
      await getContext().close();
      await t.destroy();
    });

    test("Twilio status callbacks: signed ones move statuses forward once; out of order and duplicates change nothing", async () => {
      const m = await sentMessage("+15556660001".replace(/1$/, "7"), "SM_status_1");
      const post = (s: string, extra: Record<string, string> = {}) => {
        const { raw, signature } = twilioForm("/api/webhooks/twilio/status", { MessageSid: "SM_status_1", MessageStatus: s, ...extra });
        return handleTwilioStatus(servicesFor(t), raw, FORM, signature);
      };
      await post("sent");
      assert.equal(await status(m.id), "sent");
      await post("delivered", { Price: "-0.00790" });
      assert.equal(await status(m.id), "delivered");
      assert.equal((await t.db.message.findUniqueOrThrow({ where: { id: m.id } })).costCents, 1);
      assert.deepEqual(await post("delivered"), { duplicate: true });
      await post("undelivered", { ErrorCode: "30003" });
      assert.equal(await status(m.id), "delivered", "a late failure does not move a delivered message back");
      await post("read");
      await post("delivered", { ErrorCode: "0" });
      assert.equal(await status(m.id), "read");
      assert.equal(await t.db.messageEvent.count({ where: { messageId: m.id, status: "delivered" } }), 1);
    });

    test("undelivered dead-letters with the code; 21610 also suppresses the recipient", async () => {
      const m = await sentMessage("+15556660017", "SM_undelivered");
      const { raw, signature } = twilioForm("/api/webhooks/twilio/status", { MessageSid: "SM_undelivered", MessageStatus: "undelivered", ErrorCode: "21610", ErrorMessage: "Attempt to send to unsubscribed recipient" });
      await handleTwilioStatus(servicesFor(t), raw, FORM, signature);
      const dead = await t.db.message.findUniqueOrThrow({ where: { id: m.id } });
      assert.equal(dead.status, "dead_letter");
      assert.match(dead.deadLetterReason ?? "", /21610/);
      assert.equal(await t.db.suppression.count({ where: { clientId, address: "+15556660017" } }), 1);
    });

    test("unsigned, wrongly signed or malformed callbacks are refused, change nothing and leave a warning", async () => {
      const m = await sentMessage("+15556660027", "SM_unsigned");
      const params = { MessageSid: "SM_unsigned", MessageStatus: "delivered" };
      const raw = new URLSearchParams(params).toString();
      await assert.rejects(handleTwilioStatus(servicesFor(t), raw, FORM, null), (e: { code?: string }) => e.code === "INVALID_SIGNATURE");
      await assert.rejects(handleTwilioStatus(servicesFor(t), raw, FORM, twilioForm("/api/webhooks/twilio/status", params, "other-token").signature), (e: { code?: string }) => e.code === "INVALID_SIGNATURE");
      await assert.rejects(handleTwilioStatus(servicesFor(t), JSON.stringify(params), "application/json", "x"), (e: { code?: string }) => e.code === "VALIDATION_FAILED");
      const noSid = twilioForm("/api/webhooks/twilio/status", { MessageStatus: "delivered" });
      await assert.rejects(handleTwilioStatus(servicesFor(t), noSid.raw, FORM, noSid.signature), (e: { name?: string }) => e.name === "ZodError");
      assert.equal(await status(m.id), "sent");
      await getErrorLogger().flush();
      // Repeats are counted on one entry (lib/errorlog/fold.ts).
      const warnings = await t.db.errorLog.aggregate({ where: { errorType: "invalid_signature", severity: "warning", operation: "twilio_status" }, _sum: { occurrences: true } });
      assert.ok((warnings._sum.occurrences ?? 0) >= 2);
      const unknown = twilioForm("/api/webhooks/twilio/status", { MessageSid: "SM_nobody", MessageStatus: "delivered" });
      await handleTwilioStatus(servicesFor(t), unknown.raw, FORM, unknown.signature);
      await getErrorLogger().flush();
      assert.equal(await t.db.errorLog.count({ where: { errorType: "unknown_message", operation: "twilio_status" } }), 1);
    });

    test("STOP suppresses (the next send dead-letters as opted_out), START lifts it, HELP queues the help text", async () => {
      const inbound = (body: string, sid: string) => {
        const { raw, signature } = twilioForm("/api/webhooks/twilio/inbound", { From: "+15557778888", To: "+15550001111", Body: body, MessageSid: sid });
        return handleTwilioInbound(servicesFor(t), raw, FORM, signature);
      };
      await inbound("Stop", "SM_in_1");
      assert.equal(await t.db.suppression.count({ where: { clientId, address: "+15557778888" } }), 1);
      const clock = new FakeClock(new Date());
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      const { message } = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: "+15557778888", body: "promo" }), { maxAttempts: 3, now: clock.now() });
      await worker.runOnce();
      const blocked = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.deepEqual([blocked.status, blocked.deadLetterReason], ["dead_letter", "opted_out"]);
      assert.deepEqual(rec.sent.map((s) => s.body), ["You're unsubscribed from Bright Smile Dental. No more messages. Reply START to resubscribe."], "only the STOP confirmation");

      await inbound("START", "SM_in_2");
      assert.equal(await t.db.suppression.count({ where: { clientId, address: "+15557778888" } }), 0);
      await inbound("help", "SM_in_3");
      assert.deepEqual(await inbound("help", "SM_in_3"), { duplicate: true });
      const help = await t.db.message.findMany({ where: { clientId, kind: "help_reply" } });
      assert.equal(help.length, 1);
      assert.match(help[0]!.body, /Reply STOP to unsubscribe/);
      await inbound("Can I move my appointment to Friday?", "SM_in_4");
      const stored = await t.db.inboundMessage.findMany({ where: { clientId }, orderBy: { createdAt: "asc" } });
      assert.equal(stored.length, 4);
      assert.equal(new Set(stored.map((s) => s.conversationId)).size, 1, "one customer on one channel is one conversation");
      assert.equal(help[0]!.conversationId, stored[0]!.conversationId);
    });

    test("SendGrid events: signed delivered/open/bounce apply once; a bad signature is refused", async () => {
      const a = await sentMessage("a@example.com", "sgA", "email");
      const b = await sentMessage("b@example.com", "sgB", "email");
      const events = [
        { event: "processed", sg_message_id: "sgA.filter1", sg_event_id: "e1", email: "a@example.com" },
        { event: "delivered", sg_message_id: "sgA.filter1", sg_event_id: "e2", email: "a@example.com" },
        { event: "open", sg_message_id: "sgA.filter1", sg_event_id: "e3", email: "a@example.com" },
        { event: "bounce", sg_message_id: "sgB.filter1", sg_event_id: "e4", email: "b@example.com", status: "5.1.1", reason: "550 5.1.1 no such user" },
      ];
      const { raw, ts, signature } = sendgridSigned(events);
      await handleSendgridEvents(servicesFor(t), raw, signature, ts);
      assert.equal(await status(a.id), "read");
      const bounced = await t.db.message.findUniqueOrThrow({ where: { id: b.id } });
      assert.equal(bounced.status, "dead_letter");
      assert.match(bounced.deadLetterReason ?? "", /5\.1\.1/);
      assert.deepEqual(await handleSendgridEvents(servicesFor(t), raw, signature, ts), { moved: 0 });
      const c = await sentMessage("c@example.com", "sgC", "email");
      const forged = sendgridSigned([{ event: "delivered", sg_message_id: "sgC.x", sg_event_id: "e9" }]);
      await assert.rejects(handleSendgridEvents(servicesFor(t), forged.raw.replace("delivered", "bounce"), forged.signature, forged.ts), (e: { code?: string }) => e.code === "INVALID_SIGNATURE");
      const stale = sendgridSigned([{ event: "delivered", sg_message_id: "sgC.x", sg_event_id: "e10" }], Date.now() - 3_600_000);
      await assert.rejects(handleSendgridEvents(servicesFor(t), stale.raw, stale.signature, stale.ts), (e: { code?: string }) => e.code === "INVALID_SIGNATURE");
      assert.equal(await status(c.id), "sent");
    });
  });
}
