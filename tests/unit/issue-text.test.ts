// The API's 400 details and the console's forms say what is wrong in words, not zod's defaults.
import assert from "node:assert/strict";
import { test } from "node:test";
import { toErrorResponse } from "../../lib/errors";
import { listQuerySchema, messageInputSchema, retryEditSchema } from "../../lib/schemas/message";

const details = (result: { success: boolean; error?: unknown }) => {
  assert.equal(result.success, false);
  return Object.fromEntries((toErrorResponse(result.error).body.error.details ?? []).map((d) => [d.path, d.message]));
};

test("empty, too long, wrong kind and unknown fields read as sentences", () => {
  const d = details(messageInputSchema.safeParse({ clientId: "", channel: "fax", to: "+15551234567", body: "x".repeat(10_001), extra: 1 }));
  assert.equal(d.clientId, "must not be empty");
  assert.equal(d.channel, "must be one of: sms, email, whatsapp");
  assert.equal(d.body, "must be at most 10000 characters");
  assert.equal(d[""], "unknown field: extra");
  for (const message of Object.values(d)) assert.doesNotMatch(message, /Too (small|big)|expected string|Invalid/);
});

test("a missing field is required; a number out of range names its bound", () => {
  assert.equal(details(messageInputSchema.safeParse({ channel: "sms", to: "+15551234567", body: "hi" })).clientId, "is required");
  assert.equal(details(listQuerySchema.safeParse({ limit: "0" })).limit, "must be at least 1");
  assert.equal(details(retryEditSchema.safeParse({ body: "" })).body, "must not be empty");
});

test("a schema's own words are kept", () => {
  assert.equal(details(messageInputSchema.safeParse({ clientId: "c", channel: "sms", to: "555", body: "hi" })).to, "invalid phone number (E.164, e.g. +15551234567)");
  assert.equal(details(listQuerySchema.safeParse({ cursor: "x" })).cursor, "invalid cursor");
});

test("the error body's message starts with the field", () => {
  const r = retryEditSchema.safeParse({ body: "" });
  assert.equal(toErrorResponse(r.error).body.error.message, "body: must not be empty");
});
