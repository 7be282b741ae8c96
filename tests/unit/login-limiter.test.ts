import assert from "node:assert/strict";
import { test } from "node:test";
import { RateLimitedError, createLoginLimiter } from "../../lib/auth/login-limiter";

const clock = (start = 0) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

test("an address gets its attempts per minute, then 429 with how long to wait", () => {
  const c = clock();
  const limiter = createLoginLimiter({ perAddress: 3, overall: 100, now: c.now });
  for (let i = 0; i < 3; i++) limiter.take("1.1.1.1");
  assert.throws(() => limiter.take("1.1.1.1"), (e) => e instanceof RateLimitedError && e.code === "RATE_LIMITED" && e.retryAfterSeconds === 20);
  limiter.take("2.2.2.2"); // another address is not affected
  c.advance(20_000);
  limiter.take("1.1.1.1"); // one attempt back every 60 s / 3
});

test("many addresses together meet the overall limit", () => {
  const limiter = createLoginLimiter({ perAddress: 10, overall: 5, now: clock().now });
  for (let i = 0; i < 5; i++) limiter.take(`10.0.0.${i}`);
  assert.throws(() => limiter.take("10.0.0.99"), RateLimitedError);
});

test("a successful login gives its attempt back", () => {
  const limiter = createLoginLimiter({ perAddress: 2, overall: 2, now: clock().now });
  for (let i = 0; i < 10; i++) {
    limiter.take("1.1.1.1");
    limiter.refund("1.1.1.1");
  }
  limiter.take("1.1.1.1");
  limiter.take("1.1.1.1");
  assert.throws(() => limiter.take("1.1.1.1"), RateLimitedError);
});
