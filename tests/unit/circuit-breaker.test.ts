import assert from "node:assert/strict";
import { test } from "node:test";
import { withCircuitBreaker } from "../../lib/providers/circuit-breaker";
import type { Provider } from "../../lib/providers/types";
import { ProviderError } from "../../lib/providers/types";
import type { ErrorClass } from "../../lib/queue/retry-rule";
import { FakeClock } from "../helpers/fixtures";
import { outgoing } from "../helpers/doubles/outgoing";

/** A provider whose next outcomes are scripted; it counts its calls. */
function scripted() {
  const script: (ErrorClass | "ok")[] = [];
  let calls = 0;
  let gate: Promise<void> = Promise.resolve();
  const provider: Provider = {
    name: "scripted",
    channels: ["sms"],
    reportsDelivery: false,
    async send() {
      calls++;
      await gate;
      const next = script.shift() ?? "ok";
      if (next !== "ok") throw new ProviderError(next, next, next.toUpperCase());
      return { providerMessageId: `p${calls}` };
    },
  };
  return { provider, script, calls: () => calls, hold: (p: Promise<void>) => void (gate = p) };
}

const failsWith = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err instanceof ProviderError ? err.code : String(err);
  }
  return "ok";
};

test("counts consecutive transient and provider failures; a success resets the count", async () => {
  const s = scripted();
  const breaker = withCircuitBreaker(s.provider, { failureThreshold: 3, openMs: 1000, clock: new FakeClock().now });
  s.script.push("transient", "provider", "ok", "transient", "transient");
  for (let i = 0; i < 5; i++) await failsWith(breaker.send(outgoing()));
  assert.deepEqual(breaker.state(), { state: "closed", failures: 2, openedAt: null });
});

test("opens at the threshold and fails fast without calling the provider", async () => {
  const s = scripted();
  const clock = new FakeClock();
  const breaker = withCircuitBreaker(s.provider, { failureThreshold: 2, openMs: 1000, clock: clock.now });
  s.script.push("transient", "transient");
  await failsWith(breaker.send(outgoing()));
  await failsWith(breaker.send(outgoing()));
  assert.equal(breaker.state().state, "open");
  assert.equal(await failsWith(breaker.send(outgoing())), "CIRCUIT_OPEN");
  assert.equal(s.calls(), 2);
  clock.advance(999);
  assert.equal(await failsWith(breaker.send(outgoing())), "CIRCUIT_OPEN");
  assert.equal(s.calls(), 2);
});

test("half-open lets exactly one trial through; its success closes the breaker", async () => {
  const s = scripted();
  const clock = new FakeClock();
  const breaker = withCircuitBreaker(s.provider, { failureThreshold: 1, openMs: 1000, clock: clock.now });
  s.script.push("provider");
  await failsWith(breaker.send(outgoing()));
  clock.advance(1000);
  assert.equal(breaker.state().state, "half_open");
  let release!: () => void;
  s.hold(new Promise<void>((r) => (release = r)));
  const trial = breaker.send(outgoing());
  assert.equal(await failsWith(breaker.send(outgoing())), "CIRCUIT_OPEN", "a second caller during the trial is skipped");
  release();
  assert.equal(await failsWith(trial), "ok");
  assert.equal(s.calls(), 2);
  assert.deepEqual(breaker.state(), { state: "closed", failures: 0, openedAt: null });
});

test("a failed trial opens it again for another openMs", async () => {
  const s = scripted();
  const clock = new FakeClock();
  const breaker = withCircuitBreaker(s.provider, { failureThreshold: 1, openMs: 1000, clock: clock.now });
  s.script.push("transient", "transient");
  await failsWith(breaker.send(outgoing()));
  clock.advance(1500);
  assert.equal(await failsWith(breaker.send(outgoing())), "TRANSIENT");
  assert.equal(breaker.state().state, "open");
  assert.equal(breaker.state().openedAt, clock.now().toISOString());
  clock.advance(999);
  assert.equal(await failsWith(breaker.send(outgoing())), "CIRCUIT_OPEN");
});

test("recipient errors never open it, and close a half-open breaker", async () => {
  const s = scripted();
  const clock = new FakeClock();
  const breaker = withCircuitBreaker(s.provider, { failureThreshold: 1, openMs: 1000, clock: clock.now });
  s.script.push("recipient", "recipient", "transient", "recipient");
  await failsWith(breaker.send(outgoing()));
  await failsWith(breaker.send(outgoing()));
  assert.equal(breaker.state().state, "closed");
  await failsWith(breaker.send(outgoing()));
  assert.equal(breaker.state().state, "open");
  clock.advance(1000);
  assert.equal(await failsWith(breaker.send(outgoing())), "RECIPIENT");
  assert.equal(breaker.state().state, "closed");
});

test("keeps the provider's name, channels and delivery reporting", () => {
  const s = scripted();
  const breaker = withCircuitBreaker(s.provider, { failureThreshold: 1, openMs: 1 });
  assert.deepEqual([breaker.name, breaker.channels, breaker.reportsDelivery], ["scripted", ["sms"], false]);
});
