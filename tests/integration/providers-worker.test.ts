// The real worker on real databases, sending through the real Twilio and HTTP gateway
// clients against local doubles: failover, a permanent recipient error, and a chain
// that stays down until its retries run out.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { withCircuitBreaker } from "../../lib/providers/circuit-breaker";
import { createHttpGatewayProvider } from "../../lib/providers/http-gateway";
import { withQuickRetries } from "../../lib/providers/quick-retry";
import { createTwilioProvider } from "../../lib/providers/twilio";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, makeClient, makeWorker } from "../helpers/fixtures";
import { GATEWAY_TOKEN, gatewayFaults, startGatewayDouble, type GatewayDouble } from "../helpers/doubles/http-gateway-double";
import { TWILIO_SID, TWILIO_TOKEN, startTwilioDouble, twilioFaults, type TwilioDouble } from "../helpers/doubles/twilio-double";

for (const dialect of DIALECTS) {
  describe(`real providers through the worker on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    let twilio: TwilioDouble;
    let gateway: GatewayDouble;
    before(async () => {
      [t, twilio, gateway] = await Promise.all([createTestDatabase(dialect), startTwilioDouble(), startGatewayDouble()]);
      clientId = (await makeClient(t.db, { smsFrom: "+15550001111" })).client.id;
    });
    after(() => Promise.all([t.destroy(), twilio.close(), gateway.close()]));
    beforeEach(() => {
      for (const d of [twilio, gateway]) {
        d.faults.clear();
        d.accepted.length = 0;
        d.requests.length = 0;
      }
    });

    // The chain as the registry is to build it: breaker(quick retries(provider)).
    const chain = (clock: FakeClock) =>
      [
        createTwilioProvider({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, apiBaseUrl: twilio.url, statusCallbackUrl: "http://localhost:3000/api/webhooks/twilio/status" }),
        createHttpGatewayProvider({ url: gateway.url, token: GATEWAY_TOKEN }),
      ].map((p) => withCircuitBreaker(withQuickRetries(p, { sleep: async () => {} }), { failureThreshold: 100, openMs: 30_000, clock: clock.now }));

    const enqueue = (to: string, clock: FakeClock) =>
      enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to, body: "Your appointment is confirmed" }), { maxAttempts: 3, now: clock.now() });

    test("Twilio is down: the gateway delivers, once; both calls are in the attempt log", async () => {
      const clock = new FakeClock(new Date("2031-01-01T00:00:00Z"));
      twilio.faults.add("*", twilioFaults.unavailable);
      const { worker } = makeWorker(t, chain(clock), clock);
      const { message } = await enqueue("+15551230000", clock);
      await worker.runOnce();
      const m = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.deepEqual([m.status, m.attempts, m.provider, m.providerMessageId], ["sent", 1, "http", "gw-1"]);
      assert.deepEqual(gateway.accepted.map((s) => [s.to, s.from, s.messageId]), [["+15551230000", "+15550001111", message.id]]);
      const attempts = await t.db.messageAttempt.findMany({ where: { messageId: message.id }, orderBy: { createdAt: "asc" } });
      assert.deepEqual(attempts.map((a) => [a.provider, a.outcome, a.errorClass, a.errorCode]), [
        ["twilio", "failed", "transient", "20503"],
        ["http", "sent", null, null],
      ]);
    });

    test("an invalid number dead-letters after one attempt with Twilio's code, no failover", async () => {
      const clock = new FakeClock(new Date("2031-01-02T00:00:00Z"));
      twilio.faults.add("+15551239999", twilioFaults.invalidNumber);
      const { worker } = makeWorker(t, chain(clock), clock);
      const { message } = await enqueue("+15551239999", clock);
      await worker.runOnce();
      const m = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.deepEqual([m.status, m.attempts], ["dead_letter", 1]);
      assert.match(m.deadLetterReason ?? "", /21211: twilio: The 'To' number is not a valid phone number/);
      assert.equal(twilio.requests.length, 1);
      assert.equal(gateway.requests.length, 0);
    });

    test("everything down: retried at the fixed interval, then dead letter", async () => {
      const clock = new FakeClock(new Date("2031-01-03T00:00:00Z"));
      twilio.faults.add("*", twilioFaults.unavailable);
      gateway.faults.add("*", gatewayFaults.unavailable);
      const { worker } = makeWorker(t, chain(clock), clock, { retryIntervalMs: 60_000 });
      const { message } = await enqueue("+15551230002", clock);
      const row = () => t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      await worker.runOnce();
      assert.deepEqual([(await row()).status, (await row()).nextAttemptAt?.toISOString()], ["failed", "2031-01-03T00:01:00.000Z"]);
      clock.advance(60_000);
      await worker.runOnce();
      clock.advance(60_000);
      await worker.runOnce();
      const m = await row();
      assert.deepEqual([m.status, m.attempts], ["dead_letter", 3]);
      assert.match(m.deadLetterReason ?? "", /retries exhausted after 3 attempts/);
      assert.equal(gateway.accepted.length + twilio.accepted.length, 0);
      assert.equal(await t.db.messageAttempt.count({ where: { messageId: message.id } }), 6, "two provider calls per pass");
    });
  });
}
