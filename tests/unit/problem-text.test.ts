// The reasons the console shows for a failed or dead-lettered message are read by operators:
// provider codes stay in the attempt log, the reason says what happened in words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { problemText } from "../../components/ui/labels";

test("a dead-letter reason loses the provider's code and says what it means", () => {
  assert.equal(problemText("permanent error: SANDBOX_PERMANENT: sandbox: recipient rejected (ends in 0001)"), "Not retried, it would fail again: sandbox: recipient rejected (ends in 0001)");
  assert.equal(problemText("retries exhausted after 3 attempts: SANDBOX_TRANSIENT: sandbox: temporary failure (ends in 0002)"), "Gave up after 3 attempts: sandbox: temporary failure (ends in 0002)");
  assert.equal(problemText("SANDBOX_PERMANENT: sandbox: recipient rejected (ends in 0001)"), "sandbox: recipient rejected (ends in 0001)");
});

test("reason codes get their sentence and other text is left as it is", () => {
  assert.equal(problemText("opted_out"), "The recipient opted out (STOP); nothing more is sent to them");
  assert.equal(problemText("frequency cap: at most 2 marketing messages a day to this customer; cancelled"), "frequency cap: at most 2 marketing messages a day to this customer; cancelled");
  assert.equal(problemText("Twilio 21211: Invalid 'To' Phone Number"), "Twilio 21211: Invalid 'To' Phone Number");
});
