// The HTTP contract of API.md, driven as an API client would, against the real server.
import { expect, test, type APIRequestContext } from "@playwright/test";

const ADMIN = { Authorization: "Bearer e2e-admin-key-0123456789" };

async function newClient(request: APIRequestContext, name = "Api Test Clinic") {
  const res = await request.post("/api/clients", { headers: ADMIN, data: { name, timezone: "Europe/London" } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { client: { id: string; businessHours: Record<string, unknown> }; apiKey: string };
}

async function waitForStatus(request: APIRequestContext, id: string, status: string, headers = ADMIN) {
  await expect
    .poll(async () => (await (await request.get(`/api/messages/${id}`, { headers })).json()).message.status, { timeout: 15_000 })
    .toBe(status);
}

test("no credentials → 401 in the error body; wrong key → 401", async ({ request }) => {
  const res = await request.get("/api/messages");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  expect((await request.get("/api/messages", { headers: { Authorization: "Bearer nope" } })).status()).toBe(401);
});

test("bad input gets a clear 4xx, never a 500", async ({ request }) => {
  const { client } = await newClient(request);
  const bad = await request.post("/api/messages", { headers: { ...ADMIN, "Content-Type": "application/json" }, data: Buffer.from("{not json") });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("INVALID_JSON");

  const invalid = await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "sms", to: "12", body: "x" } });
  expect(invalid.status()).toBe(400);
  const body = await invalid.json();
  expect(body.error.code).toBe("VALIDATION_FAILED");
  expect(body.error.details.map((d: { path: string }) => d.path)).toContain("to");

  const unknownChannel = await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "fax", to: "+15551234567", body: "x" } });
  expect(unknownChannel.status()).toBe(400);
  const noBody = await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "sms", to: "+15551234567" } });
  expect((await noBody.json()).error.details[0].path).toBe("body");

  expect((await request.post("/api/messages", { headers: ADMIN, data: { clientId: "cl_missing", channel: "sms", to: "+15551234567", body: "x" } })).status()).toBe(404);
  expect((await request.get("/api/messages/msg_0000", { headers: ADMIN })).status()).toBe(404);
  expect((await request.get("/api/messages?limit=500", { headers: ADMIN })).status()).toBe(400);
  expect((await request.get("/api/messages?status=bogus", { headers: ADMIN })).status()).toBe(400);
  expect((await request.get("/api/messages/scheduled?hours=500", { headers: ADMIN })).status()).toBe(400);
  expect((await request.get("/api/nowhere", { headers: ADMIN })).status()).toBe(404);

  const huge = await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "sms", to: "+15551234567", body: "x".repeat(1_100_000) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");

  const badClient = await request.post("/api/clients", { headers: ADMIN, data: { name: "X", timezone: "Mars/Olympus" } });
  expect(badClient.status()).toBe(400);
  expect((await badClient.json()).error.details[0].path).toBe("timezone");
});

test("a client key sees only its own client: 403 for another's", async ({ request }) => {
  const a = await newClient(request, "Clinic A");
  const b = await newClient(request, "Clinic B");
  const asA = { Authorization: `Bearer ${a.apiKey}` };
  const own = await request.post("/api/messages", { headers: asA, data: { clientId: a.client.id, channel: "sms", to: "+15551112222", body: "hi" } });
  expect(own.status()).toBe(202);
  const other = await request.post("/api/messages", { headers: asA, data: { clientId: b.client.id, channel: "sms", to: "+15551112222", body: "hi" } });
  expect(other.status()).toBe(403);
  expect((await other.json()).error.code).toBe("FORBIDDEN");
  expect((await request.get(`/api/messages?clientId=${b.client.id}`, { headers: asA })).status()).toBe(403);
  expect((await request.get(`/api/clients/${b.client.id}`, { headers: asA })).status()).toBe(403);
  const bMsg = await request.post("/api/messages", { headers: ADMIN, data: { clientId: b.client.id, channel: "sms", to: "+15551113333", body: "b" } });
  expect((await request.get(`/api/messages/${(await bMsg.json()).message.id}`, { headers: asA })).status()).toBe(403);
  const list = await (await request.get("/api/messages", { headers: asA })).json();
  expect(list.messages.every((m: { clientId: string }) => m.clientId === a.client.id)).toBe(true);
  expect((await request.post("/api/clients", { headers: asA, data: { name: "Sneaky", timezone: "UTC" } })).status()).toBe(403);
});

test("enqueue is idempotent by Idempotency-Key and the message reaches delivered", async ({ request }) => {
  const { client } = await newClient(request);
  const data = { clientId: client.id, channel: "sms", to: "+15551230001".replace(/0001$/, "4444"), body: "Your appointment is confirmed" };
  const first = await request.post("/api/messages", { headers: { ...ADMIN, "Idempotency-Key": "call-42-confirmation" }, data });
  expect(first.status()).toBe(202);
  const second = await request.post("/api/messages", { headers: { ...ADMIN, "Idempotency-Key": "call-42-confirmation" }, data });
  expect(second.status()).toBe(202);
  expect(second.headers()["idempotent-replayed"]).toBe("true");
  // The same key with another body is refused (it used to answer with the first message as if it were this one).
  const other = await request.post("/api/messages", { headers: { ...ADMIN, "Idempotency-Key": "call-42-confirmation" }, data: { ...data, body: "different" } });
  expect(other.status()).toBe(409);
  expect((await other.json()).error.code).toBe("IDEMPOTENCY_MISMATCH");
  const m1 = (await first.json()).message;
  expect((await second.json()).message.id).toBe(m1.id);
  expect(m1.id).toMatch(/^msg_/);
  await waitForStatus(request, m1.id, "delivered");
  const detail = (await (await request.get(`/api/messages/${m1.id}`, { headers: ADMIN })).json()).message;
  expect(detail.attempts).toBe(1);
  expect(detail.attemptLog).toHaveLength(1);
  expect(detail.attemptLog[0]).toMatchObject({ provider: "sandbox", outcome: "sent" });
  expect(detail.history.map((h: { status: string }) => h.status)).toEqual(["pending", "sent", "delivered"]);
  const list = await (await request.get(`/api/messages?clientId=${client.id}`, { headers: ADMIN })).json();
  expect(list.messages.filter((m: { id: string }) => m.id === m1.id)).toHaveLength(1);
});

test("status= takes one status or a comma-separated list", async ({ request }) => {
  const { client } = await newClient(request);
  const post = async (to: string) => (await (await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "sms", to, body: "x" } })).json()).message.id as string;
  const delivered = await post("+15551236601");
  const dead = await post("+15551230001");
  await waitForStatus(request, delivered, "delivered");
  await waitForStatus(request, dead, "dead_letter");
  const ids = async (status: string) =>
    ((await (await request.get(`/api/messages?clientId=${client.id}&status=${status}`, { headers: ADMIN })).json()).messages as { id: string }[]).map((m) => m.id);
  expect(await ids("sent")).toEqual([]);
  expect(await ids("sent,delivered,read")).toEqual([delivered]);
  expect(await ids("delivered,dead_letter")).toEqual([dead, delivered]);
  // Keyset pages across several statuses: one at a time, newest first, then the end.
  const page = async (cursor?: string) =>
    (await (await request.get(`/api/messages?clientId=${client.id}&status=delivered,dead_letter&limit=1${cursor ? `&cursor=${cursor}` : ""}`, { headers: ADMIN })).json()) as { messages: { id: string }[]; nextCursor: string | null };
  const first = await page();
  expect(first).toEqual({ messages: [expect.objectContaining({ id: dead })], nextCursor: dead });
  const second = await page(first.nextCursor!);
  expect(second).toEqual({ messages: [expect.objectContaining({ id: delivered })], nextCursor: null });
  const bad = await request.get("/api/messages?status=sent,nope", { headers: ADMIN });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details[0].path).toMatch(/^status/);
});

test("a permanent failure dead-letters; retry with an edit sends the edited message; state rules hold", async ({ request }) => {
  const { client } = await newClient(request);
  const res = await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "sms", to: "+15551230001", body: "Hello" } });
  const id = (await res.json()).message.id;
  await waitForStatus(request, id, "dead_letter");
  const dlq = await (await request.get(`/api/messages/dead-letter?clientId=${client.id}`, { headers: ADMIN })).json();
  expect(dlq.total).toBe(1);
  expect(dlq.messages[0].deadLetterReason).toMatch(/permanent/);
  expect(dlq.messages[0].deadLetterAt).toBeTruthy();
  expect((await request.post(`/api/messages/${id}/cancel`, { headers: ADMIN })).status()).toBe(409);

  const retried = await request.post(`/api/messages/${id}/retry`, { headers: ADMIN, data: { to: "+15551239999", body: "Hello again" } });
  expect(retried.status()).toBe(200);
  expect((await retried.json()).message).toMatchObject({ status: "pending", to: "+15551239999", body: "Hello again", attempts: 0 });
  await waitForStatus(request, id, "delivered");
  const again = await request.post(`/api/messages/${id}/retry`, { headers: ADMIN });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.code).toBe("INVALID_STATE");
});

test("scheduled messages are listed soonest first and can be cancelled", async ({ request }) => {
  const { client } = await newClient(request);
  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const later = await (await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "email", to: "pat@example.com", subject: "Reminder", body: "Tomorrow", scheduledFor: inHours(20) } })).json();
  const sooner = await (await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "sms", to: "+15551237777", body: "Soon", scheduledFor: inHours(2) } })).json();
  await request.post("/api/messages", { headers: ADMIN, data: { clientId: client.id, channel: "sms", to: "+15551237778", body: "Far", scheduledFor: inHours(100) } });
  const scheduled = await (await request.get(`/api/messages/scheduled?hours=48&clientId=${client.id}`, { headers: ADMIN })).json();
  expect(scheduled.total).toBe(2);
  expect(scheduled.messages.map((m: { id: string }) => m.id)).toEqual([sooner.message.id, later.message.id]);
  const cancelled = await request.post(`/api/messages/${sooner.message.id}/cancel`, { headers: ADMIN });
  expect((await cancelled.json()).message.status).toBe("cancelled");
});

test("a batch accepts valid items and reports the others by index", async ({ request }) => {
  const { client } = await newClient(request);
  // The WhatsApp recipient never wrote: outside the 24-hour window only an approved template goes.
  const template = { contentSid: "HX0123456789abcdef0123456789abcdef", variables: { "1": "{{businessName}}" } };
  expect((await request.patch(`/api/clients/${client.id}`, { headers: ADMIN, data: { settings: { whatsappTemplates: { confirmation: template } } } })).status()).toBe(200);
  const res = await request.post("/api/messages/batch", {
    headers: ADMIN,
    data: { messages: [
      { clientId: client.id, channel: "sms", to: "+15551231000", body: "one", idempotencyKey: "k1" },
      { clientId: client.id, channel: "sms", to: "oops", body: "two" },
      { clientId: client.id, channel: "whatsapp", to: "whatsapp:+15551231001", body: "three", kind: "confirmation" },
    ] },
  });
  expect(res.status()).toBe(202);
  const { results } = await res.json();
  expect(results[0].message.id).toMatch(/^msg_/);
  expect(results[1].error.code).toBe("VALIDATION_FAILED");
  expect(results[2].message.channel).toBe("whatsapp");
  await waitForStatus(request, results[2].message.id, "read");
  expect((await request.post("/api/messages/batch", { headers: ADMIN, data: { messages: [] } })).status()).toBe(400);
});

test("stats, health and metrics answer", async ({ request }) => {
  const stats = await (await request.get("/api/stats", { headers: ADMIN })).json();
  expect(stats.byStatus).toHaveProperty("delivered");
  expect(stats.byChannel).toHaveProperty("sms");
  expect(typeof stats.queueLagMs).toBe("number");
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", db: "ok", worker: { running: true } });
  expect((await request.post("/api/webhooks/calls", { headers: { "x-retell-signature": "v=1,d=00" }, data: {} })).status()).toBe(401);
  const metrics = await (await request.get("/api/metrics")).text();
  expect(metrics).toContain("# TYPE herald_messages gauge");
  expect(metrics).toContain("# TYPE herald_provider_send_duration_seconds histogram");
  expect(metrics).toMatch(/^herald_webhooks_received_total\{source="calls"\} [1-9]/m);
  expect(metrics).toMatch(/^herald_webhooks_refused_total\{source="calls",code="INVALID_SIGNATURE"\} [1-9]/m);
  expect(metrics).toContain("process_cpu_seconds_total");
  // The worker thread's provider calls (the earlier tests sent through the sandbox) reach this process's /api/metrics.
  expect(metrics).toMatch(/^herald_provider_attempts_total\{provider="sandbox",outcome="sent",error_class="none"\} [1-9]/m);
  expect(metrics).not.toContain("_ms");
});

test("clients can be read and patched; business hours default to Mon–Fri 9–5", async ({ request }) => {
  const { client } = await newClient(request);
  expect(client.businessHours).toMatchObject({ mon: [{ open: "09:00", close: "17:00" }], sat: [] });
  const patched = await request.patch(`/api/clients/${client.id}`, { headers: ADMIN, data: { smsFrom: "+15550002222", businessHours: { mon: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "18:00" }] } } });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).client).toMatchObject({ smsFrom: "+15550002222", businessHours: { mon: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "18:00" }], tue: [] } });
  expect((await request.patch(`/api/clients/${client.id}`, { headers: ADMIN, data: { businessHours: { mon: [{ open: "18:00", close: "08:00" }] } } })).status()).toBe(400);
});
