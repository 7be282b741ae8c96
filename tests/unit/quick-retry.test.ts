import assert from "node:assert/strict";
import { test } from "node:test";
import { isQuickRetryable, withQuickRetries } from "../../lib/providers/quick-retry";
import { networkErrorCode, parseRetryAfterMs } from "../../lib/providers/network-errors";
import type { Provider } from "../../lib/providers/types";
import { ProviderError } from "../../lib/providers/types";
import { outgoing } from "../helpers/doubles/outgoing";

function failing(errors: unknown[]) {
  let calls = 0;
  const provider: Provider = {
    name: "p",
    channels: ["sms"],
    reportsDelivery: false,
    async send() {
      calls++;
      const err = errors.shift();
      if (err) throw err;
      return { providerMessageId: "ok" };
    },
  };
  return { provider, calls: () => calls };
}

const blip = () => new ProviderError("transient", "503", "HTTP_503");

test("two blips then success: one call succeeds after 100 and 200 ms", async () => {
  const slept: number[] = [];
  const f = failing([blip(), blip()]);
  const result = await withQuickRetries(f.provider, { sleep: async (ms) => void slept.push(ms) }).send(outgoing());
  assert.equal(result.providerMessageId, "ok");
  assert.equal(f.calls(), 3);
  assert.deepEqual(slept, [100, 200]);
});

test("after three retries the fourth failure is thrown", async () => {
  const slept: number[] = [];
  const last = blip();
  const f = failing([blip(), blip(), blip(), last]);
  await assert.rejects(withQuickRetries(f.provider, { sleep: async (ms) => void slept.push(ms) }).send(outgoing()), (e) => e === last);
  assert.deepEqual(slept, [100, 200, 400]);
});

test("only transient errors without Retry-After are retried", () => {
  assert.equal(isQuickRetryable(blip()), true);
  assert.equal(isQuickRetryable(new ProviderError("transient", "429", "20429", 5000)), false);
  assert.equal(isQuickRetryable(new ProviderError("transient", "open", "CIRCUIT_OPEN")), false);
  assert.equal(isQuickRetryable(new ProviderError("provider", "auth", "20003")), false);
  assert.equal(isQuickRetryable(new ProviderError("recipient", "invalid", "21211")), false);
  assert.equal(isQuickRetryable(new Error("bug")), false);
});

test("network failures are recognised through causes and normalised", () => {
  assert.equal(networkErrorCode(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })), "ECONNREFUSED");
  assert.equal(networkErrorCode(new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) })), "ECONNRESET");
  assert.equal(networkErrorCode(Object.assign(new Error("timeout of 100ms exceeded"), { code: "ECONNABORTED" })), "ETIMEDOUT");
  assert.equal(networkErrorCode(new DOMException("The operation was aborted due to timeout", "TimeoutError")), "ETIMEDOUT");
  assert.equal(networkErrorCode(new Error("socket hang up")), "ECONNRESET");
  assert.equal(networkErrorCode(new Error("accountSid must start with AC")), undefined);
});

test("Retry-After in seconds or as an HTTP date", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");
  assert.equal(parseRetryAfterMs("30", now), 30_000);
  assert.equal(parseRetryAfterMs(["2"], now), 2000);
  assert.equal(parseRetryAfterMs("Tue, 01 Jan 2030 00:01:00 GMT", now), 60_000);
  assert.equal(parseRetryAfterMs("Mon, 31 Dec 2029 23:00:00 GMT", now), 0);
  assert.equal(parseRetryAfterMs(undefined, now), undefined);
  assert.equal(parseRetryAfterMs("soon", now), undefined);
});
