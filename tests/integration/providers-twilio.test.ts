// The Twilio provider through the real `twilio` SDK against a local Twilio double.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { createTwilioProvider, type TwilioOptions } from "../../lib/providers/twilio";
import { refusedUrl } from "../helpers/doubles/http-double";
import { outgoing, providerError } from "../helpers/doubles/outgoing";
import { TWILIO_SID, TWILIO_TOKEN, startTwilioDouble, twilioError, twilioFaults, type TwilioDouble } from "../helpers/doubles/twilio-double";

const CALLBACK = "https://herald.example.com/api/webhooks/twilio/status";

describe("twilio provider", () => {
  let double: TwilioDouble;
  const twilioFor = (extra: Partial<TwilioOptions> = {}) =>
    createTwilioProvider({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, fromNumber: "+15550009999", whatsappFrom: "+15550008888", apiBaseUrl: double.url, statusCallbackUrl: CALLBACK, ...extra });

  before(async () => {
    double = await startTwilioDouble();
  });
  after(() => double.close());
  beforeEach(() => {
    double.faults.clear();
    double.accepted.length = 0;
    double.requests.length = 0;
    double.price = null;
  });

  test("an SMS reaches Twilio once with the client's sender, the body and the status callback", async () => {
    const result = await twilioFor().send(outgoing({ to: "+15551230000", from: "+15550001111", body: "See you at 10:00" }));
    assert.equal(double.accepted.length, 1);
    const sent = double.accepted[0]!;
    assert.equal(sent.To, "+15551230000");
    assert.equal(sent.From, "+15550001111", "the client's own number wins over the configured default");
    assert.equal(sent.Body, "See you at 10:00");
    assert.equal(sent.StatusCallback, CALLBACK);
    assert.match(result.providerMessageId, /^SM[0-9a-f]{32}$/);
    assert.equal(result.costCents, undefined, "Twilio has no price yet at creation");
  });

  test("without a client sender the default number is used, then the messaging service", async () => {
    await twilioFor().send(outgoing());
    await twilioFor({ fromNumber: undefined, messagingServiceSid: "MG123" }).send(outgoing());
    assert.equal(double.accepted[0]!.From, "+15550009999");
    assert.equal(double.accepted[1]!.From, undefined);
    assert.equal(double.accepted[1]!.MessagingServiceSid, "MG123");
    const noSender = await providerError(twilioFor({ fromNumber: undefined }).send(outgoing()));
    assert.equal(noSender.errorClass, "provider");
    assert.equal(double.accepted.length, 2);
  });

  test("WhatsApp addresses get the whatsapp: scheme on both ends", async () => {
    await twilioFor().send(outgoing({ channel: "whatsapp", to: "+15551230001" }));
    await twilioFor().send(outgoing({ channel: "whatsapp", to: "whatsapp:+15551230002", from: "whatsapp:+15550001111" }));
    assert.deepEqual(
      double.accepted.map((m) => [m.To, m.From]),
      [
        ["whatsapp:+15551230001", "whatsapp:+15550008888"],
        ["whatsapp:+15551230002", "whatsapp:+15550001111"],
      ],
    );
  });

  test("a reported price becomes costCents", async () => {
    double.price = "-0.00790";
    const result = await twilioFor().send(outgoing());
    assert.equal(result.costCents, 1);
  });

  const cases: { name: string; fault: ReturnType<typeof twilioError>; errorClass: string; code: string }[] = [
    { name: "an invalid number (21211)", fault: twilioFaults.invalidNumber, errorClass: "recipient", code: "21211" },
    { name: "a landline (21614)", fault: twilioFaults.notMobile, errorClass: "recipient", code: "21614" },
    { name: "an unsubscribed recipient (21610)", fault: twilioFaults.unsubscribed, errorClass: "recipient", code: "21610" },
    { name: "a sender the account may not use (21606)", fault: twilioFaults.senderNotAllowed, errorClass: "provider", code: "21606" },
    { name: "a trial account and an unverified number (21608)", fault: twilioError(400, 21608, "unverified"), errorClass: "provider", code: "21608" },
    { name: "Twilio being unavailable (503)", fault: twilioFaults.unavailable, errorClass: "transient", code: "20503" },
    { name: "a 500 without a Twilio code", fault: { status: 500, body: "oops" }, errorClass: "transient", code: "HTTP_500" },
    { name: "the connection dropping (socket hang up)", fault: twilioFaults.hangUp, errorClass: "transient", code: "ECONNRESET" },
  ];
  for (const c of cases) {
    test(`${c.name} is a ${c.errorClass} error with code ${c.code}`, async () => {
      double.faults.add("+15551239999", c.fault);
      const err = await providerError(twilioFor().send(outgoing({ to: "+15551239999" })));
      assert.equal(err.errorClass, c.errorClass);
      assert.equal(err.code, c.code);
      assert.equal(err.retryAfterMs, undefined);
      assert.equal(double.accepted.length, 0);
    });
  }

  test("the Twilio error text reaches the error message", async () => {
    double.faults.add("+15551239999", twilioFaults.invalidNumber);
    const err = await providerError(twilioFor().send(outgoing({ to: "+15551239999" })));
    assert.match(err.message, /not a valid phone number/);
  });

  test("a wrong auth token is a provider error (20003)", async () => {
    const err = await providerError(twilioFor({ authToken: "wrong" }).send(outgoing()));
    assert.equal(err.errorClass, "provider");
    assert.equal(err.code, "20003");
  });

  test("429 with Retry-After is transient and carries retryAfterMs", async () => {
    double.faults.add("+15551239999", twilioFaults.rateLimited(30));
    const err = await providerError(twilioFor().send(outgoing({ to: "+15551239999" })));
    assert.equal(err.errorClass, "transient");
    assert.equal(err.code, "20429");
    assert.equal(err.retryAfterMs, 30_000);
  });

  test("concurrent sends keep their own Retry-After", async () => {
    double.faults.add("+15551230005", twilioFaults.rateLimited(5));
    double.faults.add("+15551230007", twilioFaults.rateLimited(7));
    const provider = twilioFor();
    const errors = await Promise.all(["+15551230005", "+15551230007", "+15551230005"].map((to) => providerError(provider.send(outgoing({ to })))));
    assert.deepEqual(errors.map((e) => e.retryAfterMs), [5000, 7000, 5000]);
  });

  test("no answer within the timeout is transient", async () => {
    double.faults.add("+15551239999", { stall: true });
    const err = await providerError(twilioFor({ timeoutMs: 150 }).send(outgoing({ to: "+15551239999" })));
    assert.deepEqual([err.errorClass, err.code], ["transient", "ETIMEDOUT"]);
  });

  test("a refused connection is transient", async () => {
    const err = await providerError(twilioFor({ apiBaseUrl: await refusedUrl() }).send(outgoing()));
    assert.equal(err.errorClass, "transient");
    assert.equal(err.code, "ECONNREFUSED");
  });
});
