// The call detail says why a call ended in an operator's words, not the platform's code.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hangUpLabel } from "../../components/ui/labels";

test("known reasons read as an operator says them", () => {
  assert.equal(hangUpLabel("user_hangup"), "Caller hung up");
  assert.equal(hangUpLabel("agent_hangup"), "Agent ended the call");
  assert.equal(hangUpLabel("dial_no_answer"), "No answer");
  assert.equal(hangUpLabel("voicemail_reached"), "Reached voicemail");
});

test("errors and unknown reasons still read as words", () => {
  assert.equal(hangUpLabel("error_llm_websocket_open"), "Error on the call platform (llm websocket open)");
  assert.equal(hangUpLabel("something_new"), "Something new");
});
