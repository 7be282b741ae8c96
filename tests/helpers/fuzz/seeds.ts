// What a well-formed request to each route looks like (the fuzzer mutates these), which
// credentials exist, and how webhook bodies are signed so that the parsers behind the
// signature check are reached too, not only the check itself.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import twilio from "twilio";
import { signRetellBody } from "../../../lib/calls/signature";
import { callPayload } from "../retell";

export const TWILIO_TOKEN = "fuzz-twilio-auth-token";

export function sendgridKeys(): { publicKeyBase64: string; privateKey: KeyObject } {
  const keys = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { publicKeyBase64: keys.publicKey.export({ type: "spki", format: "der" }).toString("base64"), privateKey: keys.privateKey };
}

/** What the test set up on the server before fuzzing. */
export interface FuzzContext {
  base: string;
  publicUrl: string;
  adminKey: string;
  clientKey: string;
  sessionCookie: string;
  retellKey: string;
  sendgridPrivateKey: KeyObject;
  ids: { client: string; message: string; call: string; error?: string };
}

export type Credential = "admin-key" | "client-key" | "session" | "none" | "bad-bearer" | "bad-cookie";
export const CREDENTIALS: Credential[] = ["admin-key", "client-key", "session", "none", "bad-bearer", "bad-cookie"];

export function credentialHeaders(ctx: FuzzContext, credential: Credential): OutgoingHttpHeaders {
  switch (credential) {
    case "admin-key":
      return { authorization: `Bearer ${ctx.adminKey}` };
    case "client-key":
      return { authorization: `Bearer ${ctx.clientKey}` };
    case "session":
      return { cookie: ctx.sessionCookie };
    case "bad-bearer":
      return { authorization: "Bearer hk_not-a-key" };
    case "bad-cookie":
      // A percent sign that starts no escape: a cookie reader that decodes it blindly throws.
      return { cookie: "herald_session=%E0%A4%A; other=%" };
    case "none":
      return {};
  }
}

export type Seed = { json: unknown } | { form: Record<string, string> };

/** A well-formed body for a route and method, or null when the route takes none. */
export function seedBody(template: string, method: string, ctx: FuzzContext): Seed | null {
  const key = `${method} ${template}`;
  const message = { clientId: ctx.ids.client, channel: "sms", to: "+15551230000", body: "Your appointment is confirmed" };
  switch (key) {
    case "POST /api/messages":
      return { json: message };
    case "POST /api/messages/batch":
      return { json: { messages: [message, { ...message, to: "+15551230001", idempotencyKey: "fuzz-seed" }] } };
    case "POST /api/messages/[id]/retry":
      return { json: { body: "edited" } };
    case "POST /api/clients":
      return { json: { name: "Fuzz Clinic", timezone: "America/New_York" } };
    case "PATCH /api/clients/[id]":
      return { json: { name: "Fuzz Clinic renamed", businessHours: { mon: [{ open: "09:00", close: "17:00" }] } } };
    case "POST /api/auth/login":
      return { json: { password: "not-the-password" } };
    case "POST /api/templates/preview":
      return { json: { clientId: ctx.ids.client, kind: "confirmation", channel: "sms", variables: { customerName: "Alex" } } };
    case "POST /api/errors/[id]/resolve":
      return { json: { similar: true } };
    case "POST /api/webhooks/calls":
      return { json: callPayload({ callId: "fuzz_call", clientId: ctx.ids.client, analysis: { appointment_booked: false } }) };
    case "POST /api/webhooks/twilio/status":
      return { form: { MessageSid: "SM_fuzz", MessageStatus: "delivered" } };
    case "POST /api/webhooks/twilio/inbound":
      return { form: { From: "+15557654321", To: "+15550001111", Body: "HELP", MessageSid: "SM_fuzz_in" } };
    case "POST /api/webhooks/sendgrid":
      return { json: [{ event: "delivered", sg_message_id: "sg_fuzz.1", email: "a@example.com", timestamp: 1 }] };
    default:
      return method === "GET" || method === "DELETE" ? null : { json: {} };
  }
}

/** Routes whose handler reads the request body (so an oversized one must be refused with 413). */
export function readsBody(template: string, method: string): boolean {
  if (template.startsWith("/api/webhooks/")) return method === "POST";
  return ["POST /api/messages", "POST /api/messages/batch", "POST /api/messages/[id]/retry", "POST /api/clients", "PATCH /api/clients/[id]",
    "POST /api/auth/login", "POST /api/templates/preview", "POST /api/errors/[id]/resolve"].includes(`${method} ${template}`);
}

/** Signature headers for a webhook body as its real sender would compute them. */
export function signatureHeaders(ctx: FuzzContext, template: string, path: string, raw: string): OutgoingHttpHeaders {
  if (template === "/api/webhooks/calls") return { "x-retell-signature": signRetellBody(ctx.retellKey, raw, Date.now()) };
  if (template.startsWith("/api/webhooks/twilio/")) {
    const params = Object.fromEntries(new URLSearchParams(raw));
    return { "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_TOKEN, ctx.publicUrl + path, params) };
  }
  if (template === "/api/webhooks/sendgrid") {
    const ts = String(Math.floor(Date.now() / 1000));
    return {
      "x-twilio-email-event-webhook-timestamp": ts,
      "x-twilio-email-event-webhook-signature": sign("sha256", Buffer.from(ts + raw), ctx.sendgridPrivateKey).toString("base64"),
    };
  }
  return {};
}
