// Who may do what, route by route, against the real server: every route in app/api × {no
// credentials, a wrong key, client A's key on client B's data, A's key on its own, the admin
// key}, answered as API.md says, with its error body; the routing-identifier takeover
// refused; Socket.IO rooms likewise. A new route is one line in ROUTES (a test below fails
// until it is there).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { openDatabase, type Database } from "../../lib/db/client";
import { fingerprintOf } from "../../lib/errorlog/log-error";
import { newId } from "../../lib/ids";
import { conversationIdFor } from "../../lib/conversations/conversation-id";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/realtime/contract";
import { callPayload, signedRequest } from "../helpers/retell";
import { ADMIN } from "./console-helpers";
import { ROOT } from "./herald-process";

const ADMIN_KEY = ADMIN.Authorization.slice("Bearer ".length);
const RETELL_KEY = "e2e-retell-key";
const DB_URL = `file:${path.join(ROOT, "data", `e2e-${process.env.E2E_PORT ?? "3100"}.db`)}`;

interface Tenant {
  id: string;
  key: string;
  agent: string;
  number: string;
  message: string;
  callId: string;
  error: string;
}
interface World {
  A: Tenant;
  B: Tenant;
  /** A client only the admin's destructive rows touch (rotating A's key would end the run). */
  spare: string;
  /** A fresh message of this tenant in this state (each mutation gets its own). */
  fresh(owner: Tenant, state: "pending" | "dead_letter"): Promise<string>;
}
interface Req {
  path: string;
  data?: unknown;
}
type Build = (w: World, owner: Tenant) => Req | Promise<Req>;
interface Row {
  /** As in app/api: "METHOD /api/path/:param". */
  route: string;
  /** The request for data owned by `owner` (A's key asks for B's data in the "other" column). */
  req: Build;
  /** The status of A's key on its own data and of the admin key; admin-only routes say `own: 403`. */
  ok: number;
  own?: number;
  /** What A's key gets for B's data: 403, or 404 where the route does not say whether it exists. */
  other?: number | number[];
  /** The admin's request, when it must not be A's (destructive). */
  admin?: Build;
}

let suppressions = 0;
/** A fresh suppression of this client's, for a DELETE to lift (written straight to the database). */
async function suppressed(clientId: string): Promise<string> {
  const address = `+1555777${String(4000 + ++suppressions)}`;
  await db.db.suppression.create({ data: { id: newId("sup"), clientId, address, channel: "all", reason: "matrix" } });
  return address;
}
const scoped = (p: string) => (w: World, o: Tenant) => ({ path: `${p}${p.includes("?") ? "&" : "?"}clientId=${o.id}` });
/** The conversation of a tenant's first message (sms(o) below): its id is derived, as Herald derives it. */
const conversationOf = (o: { id: string }) => conversationIdFor(o.id, "sms", "+15557770100");
const sms = (o: { id: string }) => ({ clientId: o.id, channel: "sms", to: "+15557770100", body: "access matrix" });

// Authenticated routes. Unless a row says otherwise: no credentials 401, wrong key 401, A on B 403.
const ROUTES: Row[] = [
  { route: "GET /api/messages", req: scoped("/api/messages"), ok: 200 },
  { route: "POST /api/messages", req: (w, o) => ({ path: "/api/messages", data: sms(o) }), ok: 202 },
  { route: "POST /api/messages/batch", req: (w, o) => ({ path: "/api/messages/batch", data: { messages: [sms(o)] } }), ok: 202, other: 202 /* per item: checked below */ },
  { route: "GET /api/messages/scheduled", req: scoped("/api/messages/scheduled"), ok: 200 },
  { route: "GET /api/messages/dead-letter", req: scoped("/api/messages/dead-letter"), ok: 200 },
  { route: "GET /api/messages/export", req: scoped("/api/messages/export"), ok: 200 },
  { route: "GET /api/messages/:id", req: (w, o) => ({ path: `/api/messages/${o.message}` }), ok: 200, other: [403, 404] },
  { route: "POST /api/messages/:id/retry", req: async (w, o) => ({ path: `/api/messages/${await w.fresh(o, "dead_letter")}/retry`, data: {} }), ok: 200, other: [403, 404] },
  { route: "POST /api/messages/:id/cancel", req: async (w, o) => ({ path: `/api/messages/${await w.fresh(o, "pending")}/cancel` }), ok: 200, other: [403, 404] },
  { route: "GET /api/stats", req: scoped("/api/stats"), ok: 200 },
  { route: "GET /api/stats/timeseries", req: scoped("/api/stats/timeseries"), ok: 200 },
  { route: "GET /api/calls", req: scoped("/api/calls"), ok: 200 },
  { route: "GET /api/calls/stats", req: scoped("/api/calls/stats"), ok: 200 },
  { route: "GET /api/calls/:callId", req: (w, o) => ({ path: `/api/calls/${o.callId}` }), ok: 200, other: [403, 404] },
  { route: "GET /api/clients", req: () => ({ path: "/api/clients" }), ok: 200, other: 200 /* lists only its own: checked below */ },
  { route: "POST /api/clients", req: () => ({ path: "/api/clients", data: { name: `Matrix ${Date.now()}`, timezone: "UTC" } }), ok: 201, own: 403, other: 403 },
  { route: "GET /api/clients/:id", req: (w, o) => ({ path: `/api/clients/${o.id}` }), ok: 200 },
  { route: "PATCH /api/clients/:id", req: (w, o) => ({ path: `/api/clients/${o.id}`, data: { name: `${o === w.A ? "A" : "B"} Matrix Dental` } }), ok: 200 },
  { route: "POST /api/clients/:id/rotate-key", req: (w, o) => ({ path: `/api/clients/${o.id}/rotate-key` }), ok: 200, own: 403, admin: (w) => ({ path: `/api/clients/${w.spare}/rotate-key` }) },
  { route: "GET /api/errors", req: scoped("/api/errors"), ok: 200 },
  { route: "GET /api/errors/stats", req: scoped("/api/errors/stats"), ok: 200 },
  { route: "POST /api/errors/:id/resolve", req: (w, o) => ({ path: `/api/errors/${o.error}/resolve`, data: {} }), ok: 200, other: [403, 404] },
  { route: "POST /api/errors/:id/acknowledge", req: (w, o) => ({ path: `/api/errors/${o.error}/acknowledge` }), ok: 200, other: [403, 404] },
  // Logout ends the caller's own session (a key has none): any valid credentials, no one else's data.
  { route: "POST /api/auth/logout", req: () => ({ path: "/api/auth/logout", data: {} }), ok: 200, other: 200 },
  // Sessions belong to console users: no key has any (permission-matrix.spec.ts covers users).
  { route: "GET /api/auth/sessions", req: () => ({ path: "/api/auth/sessions" }), ok: 403, other: 403 },
  { route: "DELETE /api/auth/sessions/:id", req: () => ({ path: "/api/auth/sessions/ses_none" }), ok: 403, other: 403 },
  { route: "DELETE /api/auth/sessions", req: () => ({ path: "/api/auth/sessions" }), ok: 403, other: 403 },
  { route: "POST /api/auth/password", req: () => ({ path: "/api/auth/password", data: { currentPassword: "not-it", newPassword: "a-long-enough-password" } }), ok: 403, other: 403 },
  // The team is the owners' (a role, not a key): the admin key and every client's key are refused.
  { route: "GET /api/users", req: () => ({ path: "/api/users" }), ok: 403, own: 403, other: 403 },
  { route: "POST /api/users/invite", req: () => ({ path: "/api/users/invite", data: { email: "matrix-invite@example.com", role: "owner" } }), ok: 403, own: 403, other: 403 },
  { route: "DELETE /api/users/invites/:id", req: () => ({ path: "/api/users/invites/inv_none" }), ok: 403, own: 403, other: 403 },
  { route: "PATCH /api/users/:id", req: () => ({ path: "/api/users/usr_none", data: { role: "owner" } }), ok: 403, own: 403, other: 403 },
  { route: "POST /api/users/:id/password", req: () => ({ path: "/api/users/usr_none/password", data: { password: "a-long-enough-password" } }), ok: 403, own: 403, other: 403 },
  { route: "GET /api/users/:id/sessions", req: () => ({ path: "/api/users/usr_none/sessions" }), ok: 403, own: 403, other: 403 },
  { route: "DELETE /api/users/:id/sessions", req: () => ({ path: "/api/users/usr_none/sessions" }), ok: 403, own: 403, other: 403 },
  // Who is calling: any valid key, about itself.
  { route: "GET /api/auth/me", req: () => ({ path: "/api/auth/me" }), ok: 200, other: 200 },
  // The audit trail: owners and admins (the admin key); a client's key may not read it.
  { route: "GET /api/audit", req: scoped("/api/audit"), ok: 200, own: 403, other: 403 },
  { route: "GET /api/suppressions", req: scoped("/api/suppressions"), ok: 200 },
  { route: "POST /api/suppressions", req: (w, o) => ({ path: "/api/suppressions", data: { clientId: o.id, address: "+15557770200", reason: "matrix" } }), ok: 201, admin: (w) => ({ path: "/api/suppressions", data: { clientId: w.spare, address: "+15557770201", reason: "matrix" } }) },
  { route: "DELETE /api/suppressions", req: async (w, o) => ({ path: "/api/suppressions", data: { clientId: o.id, address: await suppressed(o.id), reason: "matrix" } }), ok: 200 },
  { route: "GET /api/consents", req: scoped("/api/consents"), ok: 200 },
  { route: "POST /api/consents", req: (w, o) => ({ path: "/api/consents", data: { clientId: o.id, address: "+15557770300", source: "api", text: "Yes, text me offers" } }), ok: 201 },
  { route: "GET /api/conversations", req: scoped("/api/conversations"), ok: 200 },
  { route: "GET /api/conversations/unread", req: scoped("/api/conversations/unread"), ok: 200 },
  { route: "GET /api/conversations/:id", req: (w, o) => ({ path: `/api/conversations/${conversationOf(o)}` }), ok: 200, other: 404 },
  { route: "POST /api/conversations/:id/read", req: (w, o) => ({ path: `/api/conversations/${conversationOf(o)}/read` }), ok: 200, other: 404 },
  { route: "GET /api/v1/widget/conversation/:conversationId/history", req: (w, o) => ({ path: `/api/v1/widget/conversation/${conversationOf(o)}/history` }), ok: 200, other: 404 },
  { route: "GET /api/v1/widget/conversation/:conversationId", req: (w, o) => ({ path: `/api/v1/widget/conversation/${conversationOf(o)}` }), ok: 200, other: 404 },
  // fresh(o, "dead_letter") is a message to …0001, in that address's conversation.
  { route: "POST /api/v1/widget/conversation/:conversationId/retry", req: async (w, o) => ({ path: `/api/v1/widget/conversation/${conversationIdFor(o.id, "sms", "+15557770001")}/retry`, data: { messageId: await w.fresh(o, "dead_letter") } }), ok: 200, other: 404 },
  { route: "POST /api/v1/widget/token", req: (w, o) => ({ path: "/api/v1/widget/token", data: { conversationId: conversationOf(o) } }), ok: 200, other: 404 },
  { route: "POST /api/v1/widget/send", req: (w, o) => ({ path: "/api/v1/widget/send", data: { conversationId: conversationOf(o), tenantId: o.id, integrationId: "sms", text: "matrix reply" } }), ok: 200, other: 404 },
  { route: "POST /api/templates/preview", req: (w, o) => ({ path: "/api/templates/preview", data: { clientId: o.id, kind: "confirmation", channel: "sms" } }), ok: 200 },
];

// Routes that take no key: what anyone gets (webhooks are signed, not keyed; keys change nothing).
const PUBLIC: { route: string; req: Req; status: number; code?: string; once?: true }[] = [
  { route: "GET /api/health", req: { path: "/api/health" }, status: 200 },
  { route: "GET /api/metrics", req: { path: "/api/metrics" }, status: 200 },
  // Once: failed logins are rate-limited per address, and the console specs log in after this one.
  { route: "POST /api/auth/login", req: { path: "/api/auth/login", data: { password: "not-the-password" } }, status: 401, code: "UNAUTHENTICATED", once: true },
  { route: "POST /api/webhooks/calls", req: { path: "/api/webhooks/calls", data: { event: "call_started", call: { call_id: "call_matrix_forged" } } }, status: 401, code: "INVALID_SIGNATURE" },
  { route: "POST /api/webhooks/twilio/status", req: { path: "/api/webhooks/twilio/status", data: "MessageSid=SM1&MessageStatus=delivered" }, status: 401, code: "INVALID_SIGNATURE" },
  { route: "POST /api/webhooks/twilio/inbound", req: { path: "/api/webhooks/twilio/inbound", data: "From=%2B15557770000&To=%2B15550001111&Body=hi&MessageSid=SM2" }, status: 401, code: "INVALID_SIGNATURE" },
  // One-click unsubscribe takes no login: the signed token is the credential; a forged one is 404.
  // Accepting an invite takes no login: the single-use token is the credential; a forged one is 404.
  { route: "POST /api/auth/accept-invite", req: { path: "/api/auth/accept-invite", data: { token: "forged-invite-token", name: "Mallory", password: "a-long-enough-password" } }, status: 404, code: "NOT_FOUND" },
  { route: "GET /api/unsubscribe/:token", req: { path: "/api/unsubscribe/forged.token" }, status: 404, code: "NOT_FOUND" },
  { route: "POST /api/unsubscribe/:token", req: { path: "/api/unsubscribe/forged.token", data: "List-Unsubscribe=One-Click" }, status: 404, code: "NOT_FOUND" },
  { route: "POST /api/webhooks/sendgrid", req: { path: "/api/webhooks/sendgrid", data: [] }, status: 401, code: "INVALID_SIGNATURE" },
  ...["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => ({ route: `${m} /api/*`, req: { path: "/api/matrix-nowhere", data: m === "GET" ? undefined : {} }, status: 404, code: "NOT_FOUND" })),
];

const CODE_OF: Record<number, string[]> = { 401: ["UNAUTHENTICATED", "INVALID_SIGNATURE"], 403: ["FORBIDDEN"], 404: ["NOT_FOUND"], 409: ["CONFLICT", "INVALID_STATE"] };

function send(request: APIRequestContext, route: string, req: Req, key?: string): Promise<APIResponse> {
  const method = route.split(" ")[0]!;
  const headers: Record<string, string> = key ? { Authorization: `Bearer ${key}` } : {};
  if (typeof req.data === "string") headers["Content-Type"] = "application/x-www-form-urlencoded";
  return request.fetch(req.path, { method, headers, ...(req.data !== undefined && { data: req.data }) });
}

/** A non-2xx answer has the API.md error body, its code matching its status. */
async function expectErrorBody(res: APIResponse, label: string, code?: string) {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  expect(body?.error?.message, `${label}: error body`).toEqual(expect.any(String));
  if (code) expect(body!.error!.code, label).toBe(code);
  else expect(CODE_OF[res.status()], `${label}: code ${body!.error!.code}`).toContain(body!.error!.code);
}

// The routes app/api defines, as "METHOD /api/path" (":param" for [param], "*" for [...rest]).
function definedRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = new Set([...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b|\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]));
        const url = `/${path.relative(path.join(ROOT, "app"), dir)}`.replace(/\[\.\.\.[^\]]+\]/g, "*").replace(/\[([^\]]+)\]/g, ":$1");
        for (const m of methods) out.push(`${m} ${url}`);
      }
    }
  };
  walk(path.join(ROOT, "app", "api"));
  return out.sort();
}

let db: Database;
let world: World;
let setup: APIRequestContext;

test.beforeAll(async ({ playwright, baseURL }) => {
  db = await openDatabase(DB_URL);
  const request = (setup = await playwright.request.newContext({ baseURL })); // kept for fresh()
  const stamp = Date.now();
  const post = async (p: string, data: unknown) => {
    const res = await request.post(p, { headers: ADMIN, data });
    expect(res.ok(), `${p}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  const tenant = async (name: string, n: number): Promise<Tenant> => {
    const agent = `agent_matrix_${name}_${stamp}`;
    const number = `+1555${String(stamp).slice(-6)}${n}`;
    const { client, apiKey } = await post("/api/clients", { name: `${name} Matrix Dental`, timezone: "UTC", agentIds: [agent], phoneNumbers: [number] });
    const { message } = await post("/api/messages", sms(client));
    const callId = `call_matrix_${name}_${stamp}`;
    const { raw, signature } = signedRequest(RETELL_KEY, callPayload({ callId, agentId: agent, event: "call_started" }));
    const call = await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) });
    expect(call.status()).toBe(204);
    const input = { service: "providers", operation: "send:twilio", errorType: "provider", clientId: client.id };
    const error = newId("err");
    await db.db.errorLog.create({ data: { id: error, ...input, severity: "critical", message: `twilio: Authenticate (${name})`, fingerprint: fingerprintOf(input) } });
    return { id: client.id, key: apiKey, agent, number, message: message.id, callId, error };
  };
  const A = await tenant("A", 1);
  const B = await tenant("B", 2);
  const spare = (await post("/api/clients", { name: `Spare Matrix ${stamp}`, timezone: "UTC" })).client.id as string;
  world = {
    A,
    B,
    spare,
    async fresh(owner, state) {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      const data = state === "pending" ? { ...sms(owner), scheduledFor: tomorrow } : { ...sms(owner), to: "+15557770001" }; // the sandbox refuses …0001 for good
      const { message } = await post("/api/messages", data);
      if (state === "dead_letter") {
        await expect.poll(async () => (await db.db.message.findUniqueOrThrow({ where: { id: message.id } })).status, { timeout: 15_000 }).toBe("dead_letter");
      }
      return message.id as string;
    },
  };
});
test.afterAll(async () => {
  await setup?.dispose();
  await db?.close();
});

test("the matrix lists every route in app/api", () => {
  expect([...ROUTES.map((r) => r.route), ...PUBLIC.map((r) => r.route)].sort()).toEqual(definedRoutes());
});

for (const row of ROUTES) {
  test(`${row.route}: none 401 · wrong key 401 · A on B ${row.other ?? 403} · A on A ${row.own ?? row.ok} · admin ${row.ok}`, async ({ request }) => {
    const { A, B } = world;
    for (const [label, key] of [["no credentials", undefined], ["a wrong key", "hk_not-a-key"]] as const) {
      const res = await send(request, row.route, await row.req(world, A), key);
      expect(res.status(), `${label}: ${await res.text()}`).toBe(401);
      await expectErrorBody(res, label, "UNAUTHENTICATED");
    }

    const other = await send(request, row.route, await row.req(world, B), A.key);
    const otherText = await other.text();
    expect([row.other ?? 403].flat(), `A on B: ${other.status()} ${otherText}`).toContain(other.status());
    if (other.status() >= 400) await expectErrorBody(other, "A on B");
    expect(otherText, "A on B: nothing of B's comes back").not.toContain(B.id);
    if (row.route === "POST /api/messages/batch") expect(JSON.parse(otherText).results[0].error.code).toBe("FORBIDDEN");

    const own = await send(request, row.route, await row.req(world, A), A.key);
    const ownText = await own.text();
    expect(own.status(), `A on A: ${ownText}`).toBe(row.own ?? row.ok);
    if (own.status() >= 400) await expectErrorBody(own, "A on A", "FORBIDDEN");
    expect(ownText, "A's own answers never carry B's id").not.toContain(B.id);

    const admin = await send(request, row.route, await (row.admin ?? row.req)(world, A), ADMIN_KEY);
    expect(admin.status(), `admin: ${await admin.text()}`).toBe(row.ok);
  });
}

for (const row of PUBLIC) {
  test(`${row.route}: ${row.status} for anyone, key or none`, async ({ request }) => {
    for (const key of row.once ? [undefined] : [undefined, "hk_not-a-key", world.A.key, ADMIN_KEY]) {
      const res = await send(request, row.route, row.req, key);
      expect(res.status(), `${key ?? "no key"}: ${await res.text()}`).toBe(row.status);
      if (row.status >= 400) await expectErrorBody(res, key ?? "no key", row.code);
    }
  });
}

test("a client cannot take over another's agent or number; the admin gets 409 naming the field, not the owner", async ({ request }) => {
  const { A, B } = world;
  const takeover = { agentIds: [A.agent, B.agent], phoneNumbers: [A.number, B.number] };

  const byA = await request.patch(`/api/clients/${A.id}`, { headers: { Authorization: `Bearer ${A.key}` }, data: takeover });
  expect(byA.status()).toBe(403);
  const denied = (await byA.json()) as { error: { code: string; details: { path: string }[] } };
  expect(denied.error.code).toBe("FORBIDDEN");
  expect(denied.error.details.map((d) => d.path)).toEqual(["agentIds", "phoneNumbers"]);

  const byAdmin = await request.patch(`/api/clients/${A.id}`, { headers: ADMIN, data: takeover });
  expect(byAdmin.status()).toBe(409);
  const text = await byAdmin.text();
  const conflict = JSON.parse(text) as { error: { code: string; details: { path: string; message: string }[] } };
  expect(conflict.error.code).toBe("CONFLICT");
  expect(conflict.error.details.map((d) => d.path)).toEqual(["agentIds", "phoneNumbers"]);
  expect(text).not.toContain(B.id);
  expect(text).not.toContain("B Matrix");
  expect((await request.post("/api/clients", { headers: ADMIN, data: { name: "Copycat", timezone: "UTC", agentIds: [B.agent] } })).status()).toBe(409);

  // B's agent and B's number still route to B, and A cannot read what they bring.
  for (const [n, options] of [[1, { agentId: B.agent }], [2, { agentId: "agent_matrix_unknown", to: B.number }]] as const) {
    const callId = `call_matrix_takeover_${n}_${Date.now()}`;
    const { raw, signature } = signedRequest(RETELL_KEY, callPayload({ callId, event: "call_started", ...options }));
    expect((await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) })).status()).toBe(204);
    const asAdmin = await (await request.get(`/api/calls/${callId}`, { headers: ADMIN })).json();
    expect(asAdmin.call.clientId).toBe(B.id);
    const asA = await request.get(`/api/calls/${callId}`, { headers: { Authorization: `Bearer ${A.key}` } });
    expect(asA.status()).toBe(403);
  }
  expect((await (await request.get(`/api/clients/${A.id}`, { headers: ADMIN })).json()).client).toMatchObject({ agentIds: [A.agent], phoneNumbers: [A.number] });
});

type HeraldSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(baseURL: string, token?: string): Promise<HeraldSocket> {
  const socket: HeraldSocket = io(baseURL, { transports: ["websocket"], auth: token ? { token } : {}, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

test("Socket.IO: no or wrong credentials are refused; a client key hears only its own messages and calls", async ({ baseURL, request }) => {
  const { A, B } = world;
  await expect(connect(baseURL!)).rejects.toThrow(/UNAUTHENTICATED/);
  await expect(connect(baseURL!, "hk_not-a-key")).rejects.toThrow(/UNAUTHENTICATED/);
  const [admin, asA] = await Promise.all([connect(baseURL!, ADMIN_KEY), connect(baseURL!, A.key)]);
  const heard = (socket: HeraldSocket) => {
    const seen: { event: string; clientId: string; id: string }[] = [];
    socket.onAny((event: string, p: { clientId?: string; messageId?: string; callId?: string }) => {
      if (event.startsWith("queue:message:") || event.startsWith("call:")) seen.push({ event, clientId: p.clientId ?? "", id: p.messageId ?? p.callId ?? "" });
    });
    return seen;
  };
  const adminHeard = heard(admin);
  const aHeard = heard(asA);
  try {
    const ids: Record<string, string> = {};
    for (const t of [A, B]) {
      ids[`m${t.id}`] = (await (await request.post("/api/messages", { headers: ADMIN, data: sms(t) })).json()).message.id;
      ids[`c${t.id}`] = `call_matrix_live_${t === A ? "A" : "B"}_${Date.now()}`;
      const { raw, signature } = signedRequest(RETELL_KEY, callPayload({ callId: ids[`c${t.id}`]!, agentId: t.agent, event: "call_started" }));
      await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) });
    }
    const got = (seen: typeof adminHeard, id: string, prefix: string) => seen.some((e) => e.id === id && e.event.startsWith(prefix));
    await expect.poll(() => [A, B].every((t) => got(adminHeard, ids[`m${t.id}`]!, "queue:message:delivered") && got(adminHeard, ids[`c${t.id}`]!, "call:started")), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => got(aHeard, ids[`m${A.id}`]!, "queue:message:delivered") && got(aHeard, ids[`c${A.id}`]!, "call:started"), { timeout: 15_000 }).toBe(true);
    expect(aHeard.filter((e) => e.clientId !== A.id), "nothing of B's, nor of anyone else").toEqual([]);
  } finally {
    admin.close();
    asA.close();
  }
});

test("a widget token reads and writes its own conversation only, over HTTP (header or ?token=) and Socket.IO", async ({ baseURL, request }) => {
  const { A, B } = world;
  const minted = await request.post("/api/v1/widget/token", { headers: { Authorization: `Bearer ${A.key}` }, data: { conversationId: conversationOf(A) } });
  expect(minted.status()).toBe(200);
  const { token, expiresAt } = await minted.json();
  expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
  const bearer = { Authorization: `Bearer ${token}` };
  const own = await request.get(`/api/v1/widget/conversation/${conversationOf(A)}/history?limit=5`, { headers: bearer });
  expect(own.status()).toBe(200);
  expect((await own.json()).total).toBeGreaterThan(0);
  expect((await request.get(`/api/v1/widget/conversation/${conversationOf(A)}/history?token=${token}`)).status()).toBe(200);
  const theirs = await request.get(`/api/v1/widget/conversation/${conversationOf(B)}/history`, { headers: bearer });
  expect(theirs.status()).toBe(404);
  await expectErrorBody(theirs, "token on B's history", "NOT_FOUND");
  const send = await request.post("/api/v1/widget/send", { headers: bearer, data: { conversationId: conversationOf(B), tenantId: B.id, integrationId: "sms", text: "no" } });
  expect(send.status()).toBe(404);
  for (const p of ["/api/conversations", `/api/conversations/${conversationOf(A)}`, "/api/messages"]) {
    expect((await request.get(p, { headers: bearer })).status(), `${p} with a widget token`).toBe(401);
  }
  const missing = await request.post("/api/v1/widget/send", { headers: { ...bearer, "X-Tenant-ID": A.id }, data: { conversationId: conversationOf(A), text: "hi" } });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error).toMatchObject({ code: "MISSING_FIELD", details: [{ path: "integrationId" }] });
  const first = await request.post("/api/v1/widget/send", { headers: { ...bearer, "X-Tenant-ID": A.id }, data: { conversationId: conversationOf(A), integrationId: "sms", text: "matrix dedup", messageId: "m-1" } });
  const again = await request.post("/api/v1/widget/send", { headers: { ...bearer, "X-Tenant-ID": A.id }, data: { conversationId: conversationOf(A), integrationId: "sms", text: "matrix dedup", messageId: "m-1" } });
  expect(first.status()).toBe(200);
  expect(await again.json()).toEqual(await first.json());
  expect(await db.db.message.count({ where: { clientId: A.id, body: "matrix dedup" } })).toBe(1);

  const socket = io(baseURL!, { transports: ["websocket"], auth: { token }, reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => { socket.on("connect", () => resolve()); socket.on("connect_error", reject); });
    const heard: string[] = [];
    socket.onAny((name: string, payload: { conversationId?: string }) => heard.push(`${name}:${payload?.conversationId ?? ""}`));
    const other = await request.post("/api/v1/widget/send", { headers: { Authorization: `Bearer ${B.key}` }, data: { conversationId: conversationOf(B), tenantId: B.id, integrationId: "sms", text: "B only" } });
    expect(other.status()).toBe(200);
    await request.post("/api/v1/widget/send", { headers: bearer, data: { conversationId: conversationOf(A), tenantId: A.id, integrationId: "sms", text: "A live" } });
    await expect.poll(() => heard.filter((h) => h.startsWith("status_update:")).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(heard.every((h) => h.endsWith(`:${conversationOf(A)}`)), heard.join(", ")).toBe(true);
  } finally {
    socket.close();
  }
});
