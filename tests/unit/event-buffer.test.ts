// The console's live batching (components/live/event-buffer.ts): a burst of events reaches a
// page as a few batches, in order, and nothing is lost or delivered after dispose.
import assert from "node:assert/strict";
import { mock, test } from "node:test";
import { createEventBuffer } from "../../components/live/event-buffer";

test("a burst travels as one batch on the next tick, the rest at most once per interval", () => {
  mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1_000_000 });
  try {
    const batches: number[][] = [];
    const buffer = createEventBuffer<number>((items) => batches.push(items), 250);
    for (let i = 0; i < 1_000; i++) buffer.push(i);
    assert.equal(batches.length, 0, "nothing is delivered synchronously");
    mock.timers.tick(0);
    assert.equal(batches.length, 1);
    assert.equal(batches[0]!.length, 1_000);

    // Events 100 ms later wait out the interval since the last flush.
    mock.timers.tick(100);
    buffer.push(1_000);
    buffer.push(1_001);
    mock.timers.tick(149);
    assert.equal(batches.length, 1);
    mock.timers.tick(1);
    assert.deepEqual(batches[1], [1_000, 1_001]);

    // After a quiet spell the next event goes at once again.
    mock.timers.tick(10_000);
    buffer.push(2_000);
    mock.timers.tick(0);
    assert.deepEqual(batches[2], [2_000]);
    assert.deepEqual(batches.flat().length, 1_003, "every event delivered exactly once");
  } finally {
    mock.timers.reset();
  }
});

test("dispose drops what is waiting and nothing is flushed after it", () => {
  mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1_000_000 });
  try {
    const batches: string[][] = [];
    const buffer = createEventBuffer<string>((items) => batches.push(items), 250);
    buffer.push("a");
    buffer.dispose();
    mock.timers.tick(1_000);
    assert.deepEqual(batches, []);
  } finally {
    mock.timers.reset();
  }
});
