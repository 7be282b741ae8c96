// Compliance through the real worker, on SQLite and PostgreSQL: quiet hours in the
// recipient's zone, STOP / START through the signed inbound webhook, one-click unsubscribe
// headers through a real SMTP receiver and the unsubscribe route, frequency caps, consent.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import twilio from "twilio";
import { resetConfig } from "../../lib/config";
import { getContext } from "../../lib/context";
import { getErrorLogger } from "../../lib/errorlog/log-error";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";
import { handleTwilioInbound } from "../../lib/webhooks/twilio-inbound";
import { updateClient } from "../../lib/clients/clients";
import { createSmtpProvider } from "../../lib/providers/smtp";
import { POST as unsubscribePost, GET as unsubscribeGet } from "../../app/api/unsubscribe/[token]/route";
import { submitBatch, submitMessage } from "../../lib/messages/submit";
import { ingestCallEvent } from "../../lib/calls/ingest";
import { callPayload } from "../helpers/retell";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { startSmtpDouble, type SmtpDouble } from "../helpers/doubles/smtp-double";
import { FakeClock, createRecordingProvider, makeClient, makeWorker, servicesFor } from "../helpers/fixtures";

const AUTH = "twilio-test-auth-token";
const PUBLIC_URL = "https://herald.example.com";
const FORM = "application/x-www-form-urlencoded";
const ADMIN = { kind: "admin", via: "key" } as const;
const ALWAYS = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "00:00", close: "24:00" }]]));

for (const dialect of DIALECTS) {
  describe(`compliance on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    let smtp: SmtpDouble;
    const marketing = (to: string, now: Date, extra: Record<string, unknown> = {}) =>
      enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to, body: "20% off whitening this week", category: "marketing", ...extra }), { maxAttempts: 3, now });
    const row = (id: string) => t.db.message.findUniqueOrThrow({ where: { id } });

    before(async () => {
      t = await createTestDatabase(dialect);
      await getContext().close();
      Object.assign(process.env, { DATABASE_URL: t.url, TWILIO_AUTH_TOKEN: AUTH, PUBLIC_URL, SESSION_SECRET: "compliance-test-secret-0123456789" });
      resetConfig();
      // A Berlin client open around the clock: only the recipient's quiet hours can hold a message.
      clientId = (await makeClient(t.db, { name: "Bright Smile Dental", timezone: "Europe/Berlin", businessHours: ALWAYS as never, smsFrom: "+15550001111", emailFrom: "news@brightsmile.example" })).client.id;
      smtp = await startSmtpDouble();
    });
    after(async () => {
      await smtp.close();
      await getErrorLogger().flush();
      await getContext().close();
      await t.destroy();
    });

    test("a marketing SMS to a Texas number on Sunday 10:00 local waits until 12:00, named by the rule", async () => {
      const clock = new FakeClock(new Date("2030-06-02T15:00:00Z")); // Sun 10:00 CDT
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      const { message } = await marketing("+12145550101", clock.now()); // Dallas
      await worker.runOnce();
      const held = await row(message.id);
      assert.equal(held.status, "pending");
      assert.equal(held.runAt.toISOString(), "2030-06-02T17:00:00.000Z");
      assert.match(held.heldReason ?? "", /^quiet hours in America\/Chicago \(Texas, Sunday before 12:00\); held until Sun 2 Jun 12:00 CDT/);
      assert.equal(rec.sent.length, 0);
      clock.current = new Date("2030-06-02T17:00:00Z");
      await worker.runOnce();
      assert.equal((await row(message.id)).status, "sent");
      // A transactional message at the same hour is not held.
      clock.current = new Date("2030-06-09T15:00:00Z");
      const reminder = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: "+12145550102", body: "Your appointment is at 11:00" }), { maxAttempts: 3, now: clock.now() });
      await worker.runOnce();
      assert.equal((await row(reminder.message.id)).status, "sent");
    });

    test("a customer's stored zone overrides the number's: from customer.timezone on POST /api/messages and from a call's metadata", async () => {
      // 09:30 in New York (the numbers' zone), 06:30 in Los Angeles (where the customers are).
      const clock = new FakeClock(new Date("2030-06-04T13:30:00Z"));
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      assert.throws(() => messageInputSchema.parse({ clientId, channel: "sms", to: "+12125550150", body: "x", customer: { timezone: "Mars/Olympus" } }), /unknown IANA timezone/);
      const viaApi = await submitMessage(servicesFor(t), ADMIN, messageInputSchema.parse({ clientId, channel: "sms", to: "+12125550151", body: "Summer offer", category: "marketing", customer: { timezone: "America/Los_Angeles" } }));
      // In a batch too, with an item for an unknown client that must not break it.
      const batch = await submitBatch(servicesFor(t), ADMIN, [
        { clientId, channel: "sms", to: "+12125550154", body: "Summer offer", category: "marketing", customer: { timezone: "America/Los_Angeles" } },
        { clientId: "cl_nobody", channel: "sms", to: "+12125550155", body: "x", customer: { timezone: "America/Los_Angeles" } },
      ]);
      assert.equal((batch[1] as { error: { code: string } }).error.code, "NOT_FOUND");
      const viaBatch = (batch[0] as { message: { id: string } }).message;
      const call = callPayload({ callId: "call_zone_1", clientId, from: "+12125550152", analysis: { customer_name: "Lee" } });
      Object.assign(call.call.metadata, { customer_timezone: "America/Los_Angeles" });
      await ingestCallEvent(t, call as never, { maxAttempts: 3, now: clock.now() });
      assert.equal((await t.db.customer.findFirstOrThrow({ where: { clientId, phone: "+12125550152" } })).timezone, "America/Los_Angeles");
      const afterCall = await marketing("+12125550152", clock.now());
      const plain = await marketing("+12125550153", clock.now()); // no stored zone: New York, open
      await worker.runOnce();
      for (const id of [viaApi.message.id, viaBatch.id, afterCall.message.id]) {
        const held = await row(id);
        assert.equal(held.status, "pending");
        assert.equal(held.runAt.toISOString(), "2030-06-04T15:00:00.000Z", "08:00 in Los Angeles");
        assert.match(held.heldReason ?? "", /^quiet hours in America\/Los_Angeles/);
      }
      assert.equal((await row(plain.message.id)).status, "sent");
      clock.current = new Date("2030-06-04T15:00:00Z");
      await worker.runOnce();
      assert.deepEqual([(await row(viaApi.message.id)).status, (await row(viaBatch.id)).status, (await row(afterCall.message.id)).status], ["sent", "sent", "sent"]);
    });

    test("a Florida number at 20:30 local waits until 08:00 the next morning", async () => {
      const clock = new FakeClock(new Date("2030-06-05T00:30:00Z")); // Tue 20:30 EDT
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      const { message } = await marketing("+13055550101", clock.now()); // Miami
      await worker.runOnce();
      const held = await row(message.id);
      assert.equal(held.runAt.toISOString(), "2030-06-05T12:00:00.000Z");
      assert.match(held.heldReason ?? "", /^quiet hours in America\/New_York \(Florida after 20:00\)/);
      assert.equal(rec.sent.length, 0);
    });

    test("the customer's stored zone wins over the area code", async () => {
      const clock = new FakeClock(new Date("2030-06-05T00:30:00Z")); // 20:30 in Miami, 17:30 in Los Angeles
      await t.db.customer.create({ data: { id: "cus_la", clientId, phone: "+13055550177", timezone: "America/Los_Angeles" } });
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      const { message } = await marketing("+13055550177", clock.now());
      await worker.runOnce();
      // Judged at 17:30 in Los Angeles (the number alone would say 20:30 in Miami, after Florida's 20:00).
      const m = await row(message.id);
      assert.equal(m.status, "sent", m.heldReason ?? "");
    });

    test("STOP sends exactly one confirmation and nothing after it; START sends one and lifts it", async () => {
      const customer = "+12125550199";
      const clock = new FakeClock(new Date("2030-06-04T15:00:00Z"));
      const inbound = (body: string, sid: string) => {
        const params = { From: customer, To: "+15550001111", Body: body, MessageSid: sid };
        return handleTwilioInbound(servicesFor(t), new URLSearchParams(params).toString(), FORM, twilio.getExpectedTwilioSignature(AUTH, PUBLIC_URL + "/api/webhooks/twilio/inbound", params), clock.now());
      };
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      await inbound("STOP", "SM_stop_1");
      await inbound("stop", "SM_stop_2"); // a second STOP: already suppressed, no second confirmation
      const promo = await marketing(customer, clock.now());
      const reminder = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: customer, body: "Reminder: tomorrow 10:00" }), { maxAttempts: 3, now: clock.now() });
      await worker.runOnce();
      assert.deepEqual(rec.sent.filter((s) => s.to === customer).map((s) => [s.to, s.body]), [[customer, "You're unsubscribed from Bright Smile Dental. No more messages. Reply START to resubscribe."]]);
      assert.deepEqual([(await row(promo.message.id)).deadLetterReason, (await row(reminder.message.id)).deadLetterReason], ["opted_out", "opted_out"]);
      const audit = await t.db.suppressionEvent.findMany({ where: { clientId, address: customer }, orderBy: { createdAt: "asc" } });
      assert.deepEqual(audit.map((a) => [a.action, a.actor, a.channel, a.reason]).slice(0, 1), [["added", "customer", "sms", "replied STOP"]]);

      await inbound("START", "SM_start_1");
      await worker.runOnce();
      const toCustomer = () => rec.sent.filter((s) => s.to === customer);
      assert.equal(toCustomer().length, 2);
      assert.equal(toCustomer()[1]!.body, "You're resubscribed to Bright Smile Dental. Reply STOP to unsubscribe.");
      assert.equal(await t.db.suppression.count({ where: { clientId, address: customer } }), 0);
      const after = await enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to: customer, body: "Reminder: tomorrow 10:00", kind: "reminder" }), { maxAttempts: 3, now: clock.now() });
      await worker.runOnce();
      assert.equal((await row(after.message.id)).status, "sent");
      assert.equal(toCustomer().length, 3);
      assert.ok((await t.db.suppressionEvent.findMany({ where: { clientId, address: customer, action: "lifted" } })).some((e) => e.actor === "customer" && e.reason === "replied START"));
    });

    test("with the provider's own opt-out replies, STOP suppresses and Herald sends nothing", async () => {
      await updateClient(t.db, clientId, { settings: { compliance: { providerHandlesOptOut: true } } }, ADMIN);
      const customer = "+12125550198";
      const params = { From: customer, To: "+15550001111", Body: "STOP", MessageSid: "SM_aoo_1" };
      await handleTwilioInbound(servicesFor(t), new URLSearchParams(params).toString(), FORM, twilio.getExpectedTwilioSignature(AUTH, PUBLIC_URL + "/api/webhooks/twilio/inbound", params));
      assert.equal(await t.db.suppression.count({ where: { clientId, address: customer } }), 1);
      assert.equal(await t.db.message.count({ where: { clientId, to: customer } }), 0);
      await updateClient(t.db, clientId, { settings: { compliance: {} } }, ADMIN);
    });

    test("a marketing email through the SMTP receiver carries both List-Unsubscribe headers, and the POST suppresses", async () => {
      const clock = new FakeClock(new Date("2030-06-04T15:00:00Z"));
      const { worker } = makeWorker(t, [createSmtpProvider({ url: smtp.url })], clock);
      const email = (category: string, to: string) =>
        enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "email", to, subject: "Hello", body: "News", category }), { maxAttempts: 3, now: clock.now() });
      await email("marketing", "Pat@Example.com");
      await email("transactional", "pat@example.com");
      await worker.runOnce();
      assert.equal(smtp.received.length, 2);
      const [news, receipt] = [...smtp.received].sort((a, b) => Number(b.raw.includes("List-Unsubscribe")) - Number(a.raw.includes("List-Unsubscribe")));
      const unfolded = news!.raw.replace(/\r\n[ \t]+/g, " ");
      const link = unfolded.match(/^List-Unsubscribe: <(https:\/\/herald\.example\.com\/api\/unsubscribe\/[^>]+)>, <mailto:news@brightsmile\.example\?subject=[^>]+>\r?$/m);
      assert.ok(link, unfolded.split("\r\n\r\n")[0]);
      assert.match(unfolded, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      assert.doesNotMatch(receipt!.raw, /List-Unsubscribe/i, "transactional email carries no unsubscribe header");

      const token = link[1]!.split("/").at(-1)!;
      const page = await unsubscribeGet(new Request(link[1]!, { headers: { accept: "text/html" } }), { params: Promise.resolve({ token }) });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post">/);
      assert.equal(await t.db.suppression.count({ where: { clientId, address: "pat@example.com" } }), 0, "a GET changes nothing");
      const posted = await unsubscribePost(new Request(link[1]!, { method: "POST", headers: { "content-type": FORM }, body: "List-Unsubscribe=One-Click" }), { params: Promise.resolve({ token }) });
      assert.equal(posted.status, 200);
      const s = await t.db.suppression.findFirstOrThrow({ where: { clientId, address: "pat@example.com" } });
      assert.deepEqual([s.channel, s.scope], ["email", "marketing"]);
      const forged = await unsubscribePost(new Request(`${PUBLIC_URL}/api/unsubscribe/x.y`, { method: "POST", body: "" }), { params: Promise.resolve({ token: `${token.split(".")[0]}.AAAA` }) });
      assert.equal(forged.status, 404);

      // After it: marketing to that address is dead-lettered, a receipt still goes.
      const again = await email("marketing", "pat@example.com");
      const receipt2 = await email("transactional", "pat@example.com");
      await worker.runOnce();
      assert.equal((await row(again.message.id)).deadLetterReason, "unsubscribed from marketing");
      assert.equal((await row(receipt2.message.id)).status, "sent");
    });

    test("the frequency cap holds the fourth marketing message of a week (default 1 a day, 3 a week)", async () => {
      const customer = "+12125550111"; // New York
      const clock = new FakeClock(new Date("2030-06-03T15:00:00Z")); // Mon 11:00 EDT
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      const ids: string[] = [];
      for (let day = 0; day < 3; day++) {
        ids.push((await marketing(customer, clock.now(), { body: `offer ${day}` })).message.id);
        await worker.runOnce();
        clock.advance(86_400_000 + 60_000);
      }
      assert.deepEqual(await Promise.all(ids.map(async (id) => (await row(id)).status)), ["sent", "sent", "sent"]);
      // Two on one day: the second waits a day.
      const fourth = await marketing(customer, clock.now(), { body: "offer 3" });
      await worker.runOnce();
      const held = await row(fourth.message.id);
      assert.equal(held.status, "pending");
      assert.match(held.heldReason ?? "", /^frequency cap: at most 3 marketing messages a week to this customer; held until Mon 10 Jun 11:00 EDT$/);
      assert.equal(held.runAt.toISOString(), "2030-06-10T15:00:00.000Z");
      assert.equal(rec.sent.filter((m) => m.to === customer).length, 3);
    });

    test("frequency cap with excess \"cancel\": the excess ends cancelled with the rule as its reason, not dead-lettered", async () => {
      await updateClient(t.db, clientId, { settings: { compliance: { frequencyCap: { perDay: 1, excess: "cancel" } } } }, ADMIN);
      const customer = "+12125550144"; // New York
      const clock = new FakeClock(new Date("2030-07-01T15:00:00Z")); // Mon 11:00 EDT
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      const first = await marketing(customer, clock.now(), { body: "offer a" });
      const second = await marketing(customer, clock.now(), { body: "offer b" });
      await worker.runOnce();
      const [a, b] = [await row(first.message.id), await row(second.message.id)];
      assert.equal(a.status, "sent");
      assert.deepEqual([b.status, b.deadLetterReason, b.lastError], ["cancelled", null, "frequency cap: at most 1 marketing message a day to this customer; cancelled"]);
      assert.ok(b.cancelledAt);
      const history = await t.db.messageEvent.findMany({ where: { messageId: b.id } });
      assert.deepEqual(history.map((h) => [h.status, h.note]), [["cancelled", "frequency cap: at most 1 marketing message a day to this customer; cancelled"]]);
      assert.equal(rec.sent.filter((m) => m.to === customer).length, 1);
      await updateClient(t.db, clientId, { settings: { compliance: {} } }, ADMIN);
    });

    test("marketingRequiresConsent: refused without a consent on record, sent with one", async () => {
      await updateClient(t.db, clientId, { settings: { compliance: { marketingRequiresConsent: true } } }, ADMIN);
      const clock = new FakeClock(new Date("2030-06-04T15:00:00Z"));
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      const refused = await marketing("+12125550122", clock.now());
      await t.db.consent.create({ data: { id: "cons_1", clientId, address: "+12125550133", channel: "sms", source: "web_form", text: "Yes, text me offers", consentedAt: clock.now() } });
      const allowed = await marketing("+12125550133", clock.now());
      await worker.runOnce();
      assert.deepEqual([(await row(refused.message.id)).status, (await row(refused.message.id)).deadLetterReason], ["dead_letter", "no marketing consent on record (marketingRequiresConsent)"]);
      assert.equal((await row(allowed.message.id)).status, "sent");
      await updateClient(t.db, clientId, { settings: { compliance: {} } }, ADMIN);
    });
  });
}
