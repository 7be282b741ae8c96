import assert from "node:assert/strict";
import { test } from "node:test";
import { decideAfterFailure } from "../../lib/queue/retry-rule";

const now = new Date("2030-01-01T00:00:00Z");
const base = { maxAttempts: 3, error: "boom", now, retryIntervalMs: 60_000 };

test("a transient failure with attempts left is retried after the fixed interval", () => {
  assert.deepEqual(decideAfterFailure({ ...base, attempts: 1, errorClass: "transient" }), {
    status: "failed",
    nextAttemptAt: new Date("2030-01-01T00:01:00Z"),
  });
  assert.equal(decideAfterFailure({ ...base, attempts: 2, errorClass: "provider" }).status, "failed");
});

test("the last allowed attempt dead-letters with the reason", () => {
  const d = decideAfterFailure({ ...base, attempts: 3, errorClass: "transient" });
  assert.equal(d.status, "dead_letter");
  assert.match(d.status === "dead_letter" ? d.reason : "", /retries exhausted after 3 attempts: boom/);
});

test("a recipient error dead-letters at once", () => {
  const d = decideAfterFailure({ ...base, attempts: 1, errorClass: "recipient" });
  assert.equal(d.status, "dead_letter");
});
