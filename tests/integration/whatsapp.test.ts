// WhatsApp done right and media, on SQLite and PostgreSQL, through the real worker and the
// real Twilio SDK against the local Twilio double: inbound SMS and WhatsApp open their
// conversations (with every picture); replies go to the right number from the right sender;
// a closed 24-hour window sends the approved template (ContentSid, no Body), or the SMS
// instead, or dead-letters at once with the reason; inside it, free text; MMS carries MediaUrl.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import twilioSdk from "twilio";
import { handleCallWebhook } from "../../lib/calls/webhook";
import { conversationIdFor } from "../../lib/conversations/conversation-id";
import { conversationHistory } from "../../lib/conversations/queries";
import { createTwilioProvider } from "../../lib/providers/twilio";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";
import { handleTwilioInbound } from "../../lib/webhooks/twilio-inbound";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, makeClient, makeWorker, servicesFor } from "../helpers/fixtures";
import { callPayload, signedRequest } from "../helpers/retell";
import { TWILIO_SID, TWILIO_TOKEN, startTwilioDouble, twilioFaults, type TwilioDouble } from "../helpers/doubles/twilio-double";
import { AUTH, FORM, PUBLIC_URL, RETELL } from "../helpers/webhook-env";

const HOUR = 3_600_000;
const NOW = new Date("2030-05-06T14:00:00.000Z"); // a Monday, 10:00 in New York
const SMS_FROM = "+15550001111";
const WA_FROM = "whatsapp:+15550002222";
const CONFIRMATION_SID = "HX0123456789abcdef0123456789abcdef";
const SETTINGS = {
  followUps: { channels: { confirmation: "whatsapp", reminder: "whatsapp" } },
  whatsappTemplates: { confirmation: { contentSid: CONFIRMATION_SID, variables: { "1": "{{customer_name}}", "2": "{{appointmentTime}}" } } },
} as const;

for (const dialect of DIALECTS) {
  describe(`WhatsApp and media on ${dialect}`, () => {
    let t: TestDatabase;
    let double: TwilioDouble;
    let clientId: string;
    const twilio = () => createTwilioProvider({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, apiBaseUrl: double.url, statusCallbackUrl: `${PUBLIC_URL}/api/webhooks/twilio/status` });
    const worker = (clock: FakeClock) => makeWorker(t, [twilio()], clock).worker;
    const inbound = (params: Record<string, string>, at: Date) => {
      const path = "/api/webhooks/twilio/inbound";
      return handleTwilioInbound(servicesFor(t), new URLSearchParams(params).toString(), FORM, twilioSdk.getExpectedTwilioSignature(AUTH, PUBLIC_URL + path, params), at);
    };
    const send = (input: Record<string, unknown>, at: Date, client = clientId) =>
      enqueueMessage(t, messageInputSchema.parse({ clientId: client, ...input }), { maxAttempts: 3, now: at }).then((r) => r.message);
    const row = (id: string) => t.db.message.findUniqueOrThrow({ where: { id } });
    /** What reached the double for one recipient (other tests' follow-ups may go in the same run). */
    const requestsTo = (to: string) => double.requests.filter((r) => new URLSearchParams(r.body).get("To") === to);
    const notes = async (id: string) => (await t.db.messageEvent.findMany({ where: { messageId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.note ?? "");

    before(async () => {
      [t, double] = await Promise.all([createTestDatabase(dialect), startTwilioDouble()]);
      clientId = (await makeClient(t.db, { agentIds: ["agent_e2e"], phoneNumbers: [SMS_FROM, "+15550002222"], smsFrom: SMS_FROM, whatsappFrom: WA_FROM, settings: SETTINGS as never })).client.id;
    });
    after(() => Promise.all([t.destroy(), double.close()]));
    beforeEach(() => {
      double.faults.clear();
      double.accepted.length = 0;
      double.acceptedMedia.length = 0;
      double.requests.length = 0;
    });

    test("an inbound SMS and an inbound WhatsApp with two pictures open two conversations; both pictures are stored and shown in the history", async () => {
      await inbound({ From: "+15553330001", To: SMS_FROM, Body: "Can I come at 4?", MessageSid: "SM_w1" }, NOW);
      await inbound({ From: "whatsapp:+15553330001", To: WA_FROM, Body: "", NumMedia: "2", MediaUrl0: "https://media.example/x-ray.jpg", MediaUrl1: "https://media.example/form.pdf", MessageSid: "SM_w2" }, NOW);
      const sms = await t.db.conversation.findUniqueOrThrow({ where: { id: conversationIdFor(clientId, "sms", "+15553330001") } });
      const wa = await t.db.conversation.findUniqueOrThrow({ where: { id: conversationIdFor(clientId, "whatsapp", "+15553330001") } });
      assert.deepEqual([sms.channel, sms.unreadCount, sms.lastText], ["sms", 1, "Can I come at 4?"]);
      assert.deepEqual([wa.channel, wa.unreadCount, wa.lastText, wa.lastInboundAt?.toISOString()], ["whatsapp", 1, "(media)", NOW.toISOString()]);
      const { messages } = await conversationHistory(t, wa.id, 20, 0);
      assert.deepEqual(messages.map((m) => [m.direction, m.text, m.mediaUrl, m.mediaUrls]), [["inbound", "", "https://media.example/x-ray.jpg", ["https://media.example/x-ray.jpg", "https://media.example/form.pdf"]]]);
      const stored = await t.db.inboundMessage.findFirstOrThrow({ where: { conversationId: wa.id } });
      assert.deepEqual(JSON.parse(stored.mediaUrls!), ["https://media.example/x-ray.jpg", "https://media.example/form.pdf"]);
    });

    test("inside the window: replies go as free text to the customer's number, from the client's sender of that channel; MMS and WhatsApp carry MediaUrl", async () => {
      const clock = new FakeClock(new Date(NOW.getTime() + HOUR));
      const wa = await send({ channel: "whatsapp", to: "whatsapp:+15553330001", body: "Yes, 4pm works", kind: "conversation_reply", mediaUrl: "https://media.example/map.png" }, clock.now());
      const mms = await send({ channel: "sms", to: "+15553330001", body: "Here is the map", mediaUrl: ["https://media.example/map.png", "https://media.example/parking.png"] }, clock.now());
      await worker(clock).runOnce();
      assert.deepEqual([(await row(wa.id)).status, (await row(mms.id)).status], ["sent", "sent"]);
      const byTo = new Map(double.accepted.map((a, i): [string | undefined, Record<string, string | string[] | undefined>] => [a.To, { ...a, media: double.acceptedMedia[i] }]));
      const w = byTo.get("whatsapp:+15553330001")!;
      assert.deepEqual([w.From, w.Body, w.ContentSid, w.media], [WA_FROM, "Yes, 4pm works", undefined, ["https://media.example/map.png"]]);
      const s = byTo.get("+15553330001")!;
      assert.deepEqual([s.From, s.Body, s.media], [SMS_FROM, "Here is the map", ["https://media.example/map.png", "https://media.example/parking.png"]]);
      const { messages } = await conversationHistory(t, conversationIdFor(clientId, "sms", "+15553330001"), 20, 0);
      assert.equal(messages.at(-1)!.mediaUrl, "https://media.example/map.png", "the thread shows what was sent");
      assert.deepEqual(JSON.parse((await row(mms.id)).metadata).mediaUrls, ["https://media.example/map.png", "https://media.example/parking.png"]);
    });

    test("a picture alone: no Body, only the MediaUrl", async () => {
      const clock = new FakeClock(new Date(NOW.getTime() + 2 * HOUR));
      await send({ channel: "sms", to: "+15553330001", mediaUrl: "https://media.example/only.png" }, clock.now());
      await worker(clock).runOnce();
      assert.deepEqual([double.accepted[0]!.Body, double.acceptedMedia[0]], [undefined, ["https://media.example/only.png"]]);
    });

    test("a booked call plans WhatsApp follow-ups; the customer never wrote: the confirmation goes as the approved template, the reminder by SMS", async () => {
      const appointment = new Date(NOW.getTime() + 3 * 24 * HOUR);
      const body = callPayload({ callId: "call_wa_1", from: "+15553330009", analysis: { customer_name: "Dana", appointment_booked: true, appointment_time: appointment.toISOString() } });
      const { raw, signature } = signedRequest(RETELL, body, NOW.getTime());
      await handleCallWebhook(servicesFor(t), raw, signature, NOW);
      const planned = await t.db.message.findMany({ where: { callId: "call_wa_1" }, orderBy: { runAt: "asc" } });
      assert.deepEqual(planned.map((m) => [m.kind, m.channel]), [["confirmation", "whatsapp"], ["reminder_24h", "whatsapp"], ["reminder_1h", "whatsapp"]]);

      const clock = new FakeClock(NOW);
      await worker(clock).runOnce();
      const confirmation = await row(planned[0]!.id);
      assert.equal(confirmation.status, "sent");
      assert.equal(double.accepted.length, 1);
      const sent = double.accepted[0]!;
      assert.deepEqual([sent.To, sent.From, sent.ContentSid, sent.Body], ["whatsapp:+15553330009", WA_FROM, CONFIRMATION_SID, undefined], "a template, never free text");
      const variables = JSON.parse(sent.ContentVariables!) as Record<string, string>;
      assert.equal(variables["1"], "Dana");
      assert.match(variables["2"]!, /Thursday, May 9 at 10:00 AM/);
      assert.ok((await notes(confirmation.id)).some((n) => n.includes(`sent as the approved template for 'confirmation' (${CONFIRMATION_SID})`)));

      clock.current = new Date(planned[1]!.runAt.getTime() + 1000);
      await worker(clock).runOnce();
      const reminder = await row(planned[1]!.id);
      assert.deepEqual([reminder.status, reminder.channel, reminder.to], ["sent", "sms", "+15553330009"], "the row says how it really went");
      const sms = double.accepted[1]!;
      assert.deepEqual([sms.To, sms.From, sms.ContentSid], ["+15553330009", SMS_FROM, undefined]);
      assert.match(sms.Body!, /^Reminder: your appointment with Bright Smile Dental is tomorrow, .* Reply STOP to opt out\.$/);
      assert.ok((await notes(reminder.id)).some((n) => /24-hour window is closed and no approved template is mapped for 'reminder_24h' or 'reminder': sent by SMS instead/.test(n)));
    });

    test("a client without a WhatsApp sender plans the same follow-ups by SMS", async () => {
      await makeClient(t.db, { name: "No WhatsApp", agentIds: ["agent_sms_only"], phoneNumbers: ["+15550003333"], smsFrom: "+15550003333", settings: SETTINGS as never });
      const body = callPayload({ callId: "call_wa_2", agentId: "agent_sms_only", to: "+15550003333", from: "+15553330010", analysis: { appointment_booked: true, appointment_time: new Date(NOW.getTime() + 3 * 24 * HOUR).toISOString() } });
      const { raw, signature } = signedRequest(RETELL, body, NOW.getTime());
      await handleCallWebhook(servicesFor(t), raw, signature, NOW);
      const planned = await t.db.message.findMany({ where: { callId: "call_wa_2" } });
      assert.ok(planned.length >= 3);
      assert.ok(planned.every((m) => m.channel === "sms"), JSON.stringify(planned.map((m) => m.channel)));
    });

    test("the window closes while a reply waits: dead-lettered at send time with the reason, nothing reaches Twilio", async () => {
      await inbound({ From: "whatsapp:+15553330020", To: WA_FROM, Body: "hi", MessageSid: "SM_w3" }, NOW);
      const reply = await send({ channel: "whatsapp", to: "whatsapp:+15553330020", body: "Sorry for the wait", kind: "conversation_reply", scheduledFor: new Date(NOW.getTime() + 25 * HOUR).toISOString() }, new Date(NOW.getTime() + HOUR));
      const clock = new FakeClock(new Date(NOW.getTime() + 25 * HOUR + 1000));
      await worker(clock).runOnce();
      const m = await row(reply.id);
      assert.equal(m.status, "dead_letter");
      assert.match(m.deadLetterReason!, /^WhatsApp's 24-hour window is closed and no approved template is mapped for 'conversation_reply'/);
      assert.equal(m.attempts, 0);
      assert.equal(requestsTo("whatsapp:+15553330020").length, 0, "no free text that Twilio would refuse with 63016");
    });

    test("a follow-up whose rules forbid SMS instead is dead-lettered, not sent as free text", async () => {
      const strict = (await makeClient(t.db, { name: "Strict", whatsappFrom: "whatsapp:+15550004444", settings: { followUps: { whatsappSmsFallback: false } } as never })).client.id;
      const m = await send({ channel: "whatsapp", to: "+15553330030", body: "Reminder: tomorrow", kind: "reminder_24h" }, NOW, strict);
      await worker(new FakeClock(NOW)).runOnce();
      const stored = await row(m.id);
      assert.equal(stored.status, "dead_letter");
      assert.equal(stored.deadLetterReason, "WhatsApp's 24-hour window is closed and no approved template is mapped for 'reminder_24h' or 'reminder' (not sent by SMS instead: the follow-up rules do not allow SMS instead)");
      assert.deepEqual([requestsTo("whatsapp:+15553330030").length, requestsTo("+15553330030").length], [0, 0]);
    });

    test("Twilio's 63016 anyway: a permanent failure with the explanation, no retry", async () => {
      await inbound({ From: "whatsapp:+15553330040", To: WA_FROM, Body: "hello", MessageSid: "SM_w4" }, NOW);
      double.faults.add("whatsapp:+15553330040", twilioFaults.outsideWindow);
      const m = await send({ channel: "whatsapp", to: "whatsapp:+15553330040", body: "Hello back", kind: "conversation_reply" }, NOW);
      await worker(new FakeClock(new Date(NOW.getTime() + 60_000))).runOnce();
      const stored = await row(m.id);
      assert.deepEqual([stored.status, stored.attempts], ["dead_letter", 1]);
      assert.match(stored.deadLetterReason!, /63016: twilio: WhatsApp's 24-hour window is closed/);
      const attempts = await t.db.messageAttempt.findMany({ where: { messageId: m.id } });
      assert.deepEqual(attempts.map((a) => [a.errorClass, a.errorCode]), [["recipient", "63016"]]);
    });
  });
}
