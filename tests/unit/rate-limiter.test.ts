import assert from "node:assert/strict";
import { test } from "node:test";
import { createRateLimiter, withRateLimit } from "../../lib/providers/rate-limiter";
import type { Provider } from "../../lib/providers/types";
import { outgoing } from "../helpers/doubles/outgoing";

/** Fake time: sleepers wake in order of their wake-up time when run() moves the clock. */
function fakeTime() {
  let now = 0;
  const timers: { at: number; wake: () => void }[] = [];
  return {
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
    /** Wakes every sleeper, one at a time, and lets it run before the next. */
    async run() {
      for (;;) {
        await new Promise((r) => setImmediate(r));
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) return;
        now = Math.max(now, next.at);
        next.wake();
      }
    },
  };
}

/** Starts `n` acquires at once and returns the fake time at which each was let through. */
async function releaseTimes(n: number, acquire: () => Promise<unknown>, time: ReturnType<typeof fakeTime>) {
  const released: number[] = [];
  const all = Promise.all(Array.from({ length: n }, () => acquire().then(() => released.push(time.now()))));
  await time.run();
  await all;
  return released;
}

test("concurrent acquires are spaced at the rate, in arrival order, none dropped", async () => {
  const time = fakeTime();
  const limiter = createRateLimiter({ perSecond: 5, now: time.now, sleep: time.sleep });
  const order: number[] = [];
  const released = await releaseTimes(5, () => limiter.acquire().then(() => order.push(order.length)), time);
  assert.deepEqual(released, [0, 200, 400, 600, 800]);
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
});

test("a burst allowance lets that many go at once, then the rate applies", async () => {
  const time = fakeTime();
  const limiter = createRateLimiter({ perSecond: 10, burst: 3, now: time.now, sleep: time.sleep });
  assert.deepEqual(await releaseTimes(5, () => limiter.acquire(), time), [0, 0, 0, 100, 200]);
});

test("after a quiet spell the bucket is full again", async () => {
  const time = fakeTime();
  const limiter = createRateLimiter({ perSecond: 2, now: time.now, sleep: time.sleep });
  assert.deepEqual(await releaseTimes(2, () => limiter.acquire(), time), [0, 500]);
  assert.equal(limiter.waitMs(), 500);
  time.advance(5000);
  assert.equal(limiter.waitMs(), 0);
  assert.deepEqual(await releaseTimes(2, () => limiter.acquire(), time), [5500, 6000]);
});

test("a fractional rate works (one every two seconds)", async () => {
  const time = fakeTime();
  const limiter = createRateLimiter({ perSecond: 0.5, now: time.now, sleep: time.sleep });
  assert.deepEqual(await releaseTimes(3, () => limiter.acquire(), time), [0, 2000, 4000]);
});

test("withRateLimit shares one bucket across all sends of a provider", async () => {
  const time = fakeTime();
  const sentAt: number[] = [];
  const provider: Provider = {
    name: "p",
    channels: ["sms"],
    reportsDelivery: false,
    async send() {
      sentAt.push(time.now());
      return { providerMessageId: String(sentAt.length) };
    },
  };
  const limited = withRateLimit(provider, { perSecond: 4, now: time.now, sleep: time.sleep });
  await releaseTimes(4, () => limited.send(outgoing()), time);
  assert.deepEqual(sentAt, [0, 250, 500, 750]);
});

test("a rate of zero is refused", () => {
  assert.throws(() => createRateLimiter({ perSecond: 0 }), /above 0/);
});
