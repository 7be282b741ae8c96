// The HTTP SMS gateway, quick retries, the circuit breaker and failover through
// sendThroughChain, each against local doubles through the real clients.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { sendThroughChain } from "../../lib/engine/send-chain";
import { withCircuitBreaker } from "../../lib/providers/circuit-breaker";
import { createHttpGatewayProvider } from "../../lib/providers/http-gateway";
import { withQuickRetries } from "../../lib/providers/quick-retry";
import { createTwilioProvider } from "../../lib/providers/twilio";
import type { Provider } from "../../lib/providers/types";
import { FakeClock } from "../helpers/fixtures";
import { GATEWAY_TOKEN, gatewayError, gatewayFaults, startGatewayDouble, type GatewayDouble } from "../helpers/doubles/http-gateway-double";
import { refusedUrl } from "../helpers/doubles/http-double";
import { outgoing, providerError } from "../helpers/doubles/outgoing";
import { TWILIO_SID, TWILIO_TOKEN, startTwilioDouble, twilioFaults, type TwilioDouble } from "../helpers/doubles/twilio-double";

let twilio: TwilioDouble;
let gateway: GatewayDouble;
before(async () => {
  [twilio, gateway] = await Promise.all([startTwilioDouble(), startGatewayDouble()]);
});
after(() => Promise.all([twilio.close(), gateway.close()]));
beforeEach(() => {
  for (const d of [twilio, gateway]) {
    d.faults.clear();
    d.accepted.length = 0;
    d.requests.length = 0;
  }
});

const twilioProvider = () =>
  createTwilioProvider({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, fromNumber: "+15550009999", apiBaseUrl: twilio.url, statusCallbackUrl: "http://localhost:3000/api/webhooks/twilio/status" });
const gatewayProvider = (token = GATEWAY_TOKEN) => createHttpGatewayProvider({ url: gateway.url, token });

/** A sleep that records what it was asked for and returns at once. */
function recordingSleep() {
  const slept: number[] = [];
  return { slept, sleep: async (ms: number) => void slept.push(ms) };
}

describe("http gateway provider", () => {
  test("an SMS reaches the gateway once as JSON with the bearer token", async () => {
    const message = outgoing({ to: "+15551230000", from: "+15550001111", body: "See you at 10:00" });
    const result = await gatewayProvider().send(message);
    assert.deepEqual(gateway.accepted, [{ to: "+15551230000", from: "+15550001111", body: "See you at 10:00", messageId: message.id }]);
    assert.equal(gateway.requests[0]!.headers.authorization, `Bearer ${GATEWAY_TOKEN}`);
    assert.equal(result.providerMessageId, "gw-1");
  });

  const cases = [
    { name: "422 invalid number", fault: gatewayFaults.invalidNumber, errorClass: "recipient", code: "invalid_number" },
    { name: "400 bad request", fault: gatewayError(400, "bad_to", "bad number"), errorClass: "recipient", code: "bad_to" },
    { name: "403 forbidden", fault: gatewayError(403, "forbidden", "sender not allowed"), errorClass: "provider", code: "forbidden" },
    { name: "503 unavailable", fault: gatewayFaults.unavailable, errorClass: "transient", code: "unavailable" },
    { name: "a 502 with an HTML body", fault: { status: 502, body: "<html>Bad Gateway</html>" }, errorClass: "transient", code: "HTTP_502" },
    { name: "a dropped connection", fault: gatewayFaults.hangUp, errorClass: "transient", code: "ECONNRESET" },
  ];
  for (const c of cases) {
    test(`${c.name} is a ${c.errorClass} error`, async () => {
      gateway.faults.add("+15551239999", c.fault);
      const err = await providerError(gatewayProvider().send(outgoing({ to: "+15551239999" })));
      assert.equal(err.errorClass, c.errorClass);
      assert.equal(err.code, c.code);
      assert.equal(gateway.accepted.length, 0);
    });
  }

  test("a wrong token is a provider error; 429 carries Retry-After; no connection or no answer is transient", async () => {
    const unauthorized = await providerError(gatewayProvider("wrong").send(outgoing()));
    assert.deepEqual([unauthorized.errorClass, unauthorized.code], ["provider", "unauthorized"]);
    gateway.faults.add("+15551239999", gatewayFaults.rateLimited(20));
    const limited = await providerError(gatewayProvider().send(outgoing({ to: "+15551239999" })));
    assert.deepEqual([limited.errorClass, limited.retryAfterMs], ["transient", 20_000]);
    const refused = await providerError(createHttpGatewayProvider({ url: await refusedUrl(), token: "t" }).send(outgoing()));
    assert.deepEqual([refused.errorClass, refused.code], ["transient", "ECONNREFUSED"]);
    gateway.faults.add("+15551230001", { stall: true });
    const stalled = await providerError(createHttpGatewayProvider({ url: gateway.url, token: GATEWAY_TOKEN, timeoutMs: 150 }).send(outgoing({ to: "+15551230001" })));
    assert.deepEqual([stalled.errorClass, stalled.code], ["transient", "ETIMEDOUT"]);
  });
});

describe("quick retries", () => {
  test("two 503s then success: one call succeeds after waiting 100 and 200 ms", async () => {
    twilio.faults.add("+15551230000", twilioFaults.unavailable, 2);
    const { slept, sleep } = recordingSleep();
    const result = await withQuickRetries(twilioProvider(), { sleep }).send(outgoing({ to: "+15551230000" }));
    assert.match(result.providerMessageId, /^SM/);
    assert.equal(twilio.requests.length, 3);
    assert.equal(twilio.accepted.length, 1, "delivered once");
    assert.deepEqual(slept, [100, 200]);
  });

  test("a provider that stays down is tried four times, then the error counts", async () => {
    twilio.faults.add("*", twilioFaults.unavailable);
    const { slept, sleep } = recordingSleep();
    const err = await providerError(withQuickRetries(twilioProvider(), { sleep }).send(outgoing()));
    assert.equal(err.code, "20503");
    assert.equal(twilio.requests.length, 4);
    assert.deepEqual(slept, [100, 200, 400]);
  });

  test("recipient errors and a 429 with Retry-After are not retried", async () => {
    twilio.faults.add("+15551230001", twilioFaults.invalidNumber);
    twilio.faults.add("+15551230002", twilioFaults.rateLimited(10));
    const { slept, sleep } = recordingSleep();
    const provider = withQuickRetries(twilioProvider(), { sleep });
    assert.equal((await providerError(provider.send(outgoing({ to: "+15551230001" })))).errorClass, "recipient");
    assert.equal((await providerError(provider.send(outgoing({ to: "+15551230002" })))).retryAfterMs, 10_000);
    assert.equal(twilio.requests.length, 2);
    assert.deepEqual(slept, []);
  });
});

describe("circuit breaker", () => {
  test("opens after consecutive failures, skips the provider, half-opens after openMs and closes on success", async () => {
    const clock = new FakeClock();
    const provider = withCircuitBreaker(gatewayProvider(), { failureThreshold: 3, openMs: 30_000, clock: clock.now });
    gateway.faults.add("*", gatewayFaults.unavailable);
    for (let i = 0; i < 3; i++) await providerError(provider.send(outgoing()));
    assert.equal(provider.state().state, "open");
    assert.equal(provider.state().openedAt, clock.now().toISOString());

    const skipped = await providerError(provider.send(outgoing()));
    assert.deepEqual([skipped.errorClass, skipped.code], ["transient", "CIRCUIT_OPEN"]);
    assert.equal(gateway.requests.length, 3, "an open breaker does not call the provider");

    clock.advance(30_000);
    assert.equal(provider.state().state, "half_open");
    await providerError(provider.send(outgoing()));
    assert.equal(gateway.requests.length, 4, "one trial call");
    assert.equal(provider.state().state, "open", "a failed trial opens it again");

    clock.advance(30_000);
    gateway.faults.clear();
    await provider.send(outgoing());
    assert.deepEqual(provider.state(), { state: "closed", failures: 0, openedAt: null });
    assert.equal(gateway.accepted.length, 1);
  });

  test("recipient errors do not open it", async () => {
    const provider = withCircuitBreaker(gatewayProvider(), { failureThreshold: 2, openMs: 30_000 });
    gateway.faults.add("*", gatewayFaults.invalidNumber);
    for (let i = 0; i < 5; i++) assert.equal((await providerError(provider.send(outgoing()))).errorClass, "recipient");
    assert.equal(provider.state().state, "closed");
    assert.equal(gateway.requests.length, 5);
  });
});

describe("failover through sendThroughChain", () => {
  const clock = () => new Date();
  const chain = (primary: Provider = twilioProvider()): Provider[] => [withQuickRetries(primary, { sleep: async () => {} }), gatewayProvider()];

  test("the primary is down: the secondary delivers, once", async () => {
    twilio.faults.add("*", twilioFaults.unavailable);
    const message = outgoing({ to: "+15551230000" });
    const result = await sendThroughChain(message, chain(), 1, clock);
    assert.ok(result.ok);
    assert.equal(result.provider, "http");
    assert.deepEqual(gateway.accepted.map((s) => s.messageId), [message.id]);
    assert.equal(twilio.accepted.length, 0);
    assert.deepEqual(
      result.attempts.map((a) => [a.provider, a.outcome, a.errorClass ?? null, a.errorCode ?? null]),
      [
        ["twilio", "failed", "transient", "20503"],
        ["http", "sent", null, null],
      ],
    );
  });

  test("an invalid number stops the chain: no failover", async () => {
    twilio.faults.add("+15551239999", twilioFaults.invalidNumber);
    const result = await sendThroughChain(outgoing({ to: "+15551239999" }), chain(), 1, clock);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.errorClass === "recipient");
    assert.match(result.ok ? "" : result.error, /^21211: /);
    assert.equal(twilio.requests.length, 1);
    assert.equal(gateway.requests.length, 0);
  });

  test("a wrong Twilio account fails over too (provider error)", async () => {
    const wrongAccount = createTwilioProvider({ accountSid: TWILIO_SID, authToken: "revoked", fromNumber: "+15550009999", apiBaseUrl: twilio.url, statusCallbackUrl: "http://x/cb" });
    const result = await sendThroughChain(outgoing(), chain(wrongAccount), 1, clock);
    assert.ok(result.ok && result.provider === "http");
    assert.deepEqual([result.attempts[0]!.errorClass, result.attempts[0]!.errorCode], ["provider", "20003"]);
  });

  test("with the primary's breaker open the chain moves on without calling it", async () => {
    const primary = withCircuitBreaker(withQuickRetries(twilioProvider(), { sleep: async () => {} }), { failureThreshold: 1, openMs: 60_000 });
    twilio.faults.add("*", twilioFaults.unavailable);
    await sendThroughChain(outgoing(), [primary, gatewayProvider()], 1, clock);
    const before = twilio.requests.length;
    const result = await sendThroughChain(outgoing(), [primary, gatewayProvider()], 1, clock);
    assert.ok(result.ok && result.provider === "http");
    assert.equal(twilio.requests.length, before);
    assert.equal(result.attempts[0]!.errorCode, "CIRCUIT_OPEN");
    assert.equal(gateway.accepted.length, 2);
  });
});
