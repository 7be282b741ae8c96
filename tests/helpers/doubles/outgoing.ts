// Small builders for the provider tests: an outgoing message, and the ProviderError a send threw.
import assert from "node:assert/strict";
import type { OutgoingMessage } from "../../../lib/providers/types";
import { ProviderError } from "../../../lib/providers/types";

let n = 0;

export function outgoing(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: `msg_test${++n}`,
    clientId: "client_1",
    channel: "sms",
    to: "+15551234567",
    from: null,
    subject: null,
    body: "Your appointment is confirmed",
    ...overrides,
  };
}

/** Awaits a send that must fail and returns its ProviderError. */
export async function providerError(sending: Promise<unknown>): Promise<ProviderError> {
  try {
    await sending;
  } catch (err) {
    assert.ok(err instanceof ProviderError, `expected a ProviderError, got ${String(err)}`);
    return err;
  }
  assert.fail("the send succeeded, a ProviderError was expected");
}
