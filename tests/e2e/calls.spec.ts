// The call platform's side: signed webhooks in, follow-ups out, the calls API.
import { expect, test } from "@playwright/test";
import { signRetellBody } from "../../lib/calls/signature";
import { callPayload, signedRequest } from "../helpers/retell";

const ADMIN = { Authorization: "Bearer e2e-admin-key-0123456789" };
const RETELL_KEY = "e2e-retell-key";

function post(request: import("@playwright/test").APIRequestContext, body: unknown, opts: { key?: string } = {}) {
  const { raw, signature } = signedRequest(opts.key ?? RETELL_KEY, body);
  return request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) });
}

test("a signed, booked call answers 204 and its confirmation is delivered; a redelivery changes nothing", async ({ request }) => {
  const { client } = await (await request.post("/api/clients", { headers: ADMIN, data: { name: "Call Clinic", timezone: "America/Chicago", agentIds: ["agent_calls_e2e"] } })).json();
  const appointment = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const body = callPayload({ callId: `call_e2e_${Date.now()}`, agentId: "agent_calls_e2e", from: "+15553334444", analysis: { customer_name: "Robin", customer_email: "robin@example.com", appointment_booked: true, appointment_time: appointment } });
  const res = await post(request, body);
  expect(res.status()).toBe(204);
  expect((await post(request, body)).status()).toBe(204);

  const detail = (await (await request.get(`/api/calls/${body.call.call_id}`, { headers: ADMIN })).json()).call;
  expect(detail.clientId).toBe(client.id);
  expect(detail.outcome).toBe("booked");
  expect(detail.transcript).toContain("book a cleaning");
  expect(detail.messages.map((m: { kind: string; channel: string }) => `${m.kind}.${m.channel}`).sort()).toEqual(
    ["confirmation.email", "confirmation.sms", "reminder_1h.sms", "reminder_24h.sms"],
  );
  const sms = detail.messages.find((m: { kind: string; channel: string }) => m.kind === "confirmation" && m.channel === "sms");
  await expect.poll(async () => (await (await request.get(`/api/messages/${sms.id}`, { headers: ADMIN })).json()).message.status, { timeout: 15_000 }).toBe("delivered");

  const list = await (await request.get(`/api/calls?clientId=${client.id}`, { headers: ADMIN })).json();
  expect(list.calls).toHaveLength(1);
  const stats = await (await request.get(`/api/calls/stats?clientId=${client.id}`, { headers: ADMIN })).json();
  expect(stats).toMatchObject({ total: 1, bookingRate: 1, averageDurationMs: 150000 });
});

test("bad signatures, bad JSON and bad bodies get a clear 4xx; unknown events are accepted and ignored", async ({ request }) => {
  const body = callPayload({ callId: "call_bad_input", analysis: {} });
  const wrong = await post(request, body, { key: "not-the-key" });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error.code).toBe("INVALID_SIGNATURE");
  const missing = await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json" }, data: body });
  expect(missing.status()).toBe(401);

  const raw = "{oops";
  const malformed = await request.post("/api/webhooks/calls", {
    headers: { "x-retell-signature": signRetellBody(RETELL_KEY, raw, Date.now()) },
    data: Buffer.from(raw),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("INVALID_JSON");

  const noId = await post(request, { event: "call_ended", call: { agent_id: "x" } });
  expect(noId.status()).toBe(400);
  expect((await noId.json()).error.details.map((d: { path: string }) => d.path)).toContain("call.call_id");

  expect((await post(request, callPayload({ callId: "call_odd", event: "call_transferred" }))).status()).toBe(204);
  const nobody = await post(request, callPayload({ callId: "call_nobody", agentId: "agent_nobody", to: "+15550009999" }));
  expect(nobody.status()).toBe(404);
  expect((await request.get("/api/calls/call_bad_input", { headers: ADMIN })).status()).toBe(404);
});

test("templates: unknown variables are refused when saved; a saved template is used and previewed", async ({ request }) => {
  const { client } = await (await request.post("/api/clients", { headers: ADMIN, data: { name: "Template Clinic", timezone: "Asia/Tokyo" } })).json();
  const bad = await request.patch(`/api/clients/${client.id}`, { headers: ADMIN, data: { settings: { templates: { "confirmation.sms": { body: "Hi {{custName}}" } } } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain("custName");
  const good = await request.patch(`/api/clients/${client.id}`, { headers: ADMIN, data: { settings: { templates: { "confirmation.sms": { body: "{{businessName}}: see you {{appointmentTime}}, {{customerName}}! Bring {{petName}}." } }, customVariables: ["petName"] } } });
  expect(good.status()).toBe(200);
  const preview = await (await request.post("/api/templates/preview", { headers: ADMIN, data: { clientId: client.id, kind: "confirmation", channel: "sms", variables: { petName: "Rex" } } })).json();
  expect(preview.body).toMatch(/^Template Clinic: see you .+ at 10:00 AM .+, Alex Sample! Bring Rex\.$/);
  const defaults = await (await request.post("/api/templates/preview", { headers: ADMIN, data: { kind: "nurture_day4", channel: "email" } })).json();
  expect(defaults.subject).toBe("Still thinking it over, Alex Sample?");
});
