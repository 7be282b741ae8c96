// The console against strangers: a page on another site (or another port of this host) cannot
// use the session cookie to change anything; logging out, revoking a session and changing
// ADMIN_PASSWORD end sessions for the API, the pages and the socket; login answers 429 to a
// burst of guesses; every page and API answer carries the security headers, and the console
// still works under its CSP. A server.ts of its own (E2E_PORT + 20, its own database) so it can
// restart it with another password; a "hostile" page is served on E2E_PORT + 21.
import { createServer, type Server } from "node:http";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { io } from "socket.io-client";
import { ADMIN, createClient, enqueue, logIn, waitForStatus } from "./console-helpers";
import { E2E_PORT, dbFileFor, freshDatabase } from "./herald-process";
import { startOwnServer, type OwnServer } from "./own-server";

const PORT = E2E_PORT + 20;
const EVIL_PORT = E2E_PORT + 21;
const BASE = `http://127.0.0.1:${PORT}`;
test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

let server: OwnServer;
let databaseUrl: string;
let evil: Server;
let evilScript = "";

test.beforeAll(async () => {
  databaseUrl = await freshDatabase(dbFileFor(`e2e-security-${PORT}`));
  server = await startOwnServer(PORT, databaseUrl);
  // Another origin on the same host: for SameSite=Lax it is the same site, so the browser sends the cookie.
  evil = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>evil</title><script>${evilScript}</script>`));
  await new Promise<void>((resolve) => evil.listen(EVIL_PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => evil?.close(resolve));
});

async function cookieContext(password = "e2e-password"): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const res = await ctx.post("/api/auth/login", { data: { password } });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}

const sessionCookieOf = async (ctx: APIRequestContext) => (await ctx.storageState()).cookies.find((c) => c.name === "herald_session")!.value;

function socketAccepts(cookie: string): Promise<boolean> {
  const socket = io(BASE, { transports: ["websocket"], extraHeaders: { cookie: `herald_session=${cookie}` }, reconnection: false });
  return new Promise((resolve) => {
    socket.on("connect", () => (socket.close(), resolve(true)));
    socket.on("connect_error", () => (socket.close(), resolve(false)));
  });
}

test("a page on another origin cannot create a client or retry a message with the session cookie; Bearer keys are unaffected", async ({ page, request }) => {
  const client = await createClient(request, "CSRF Clinic");
  const dead = await enqueue(request, { clientId: client.id, to: "+15551230001", body: "fails for good" });
  await waitForStatus(request, dead.id, "dead_letter");
  await logIn(page);

  // What a hostile page can send without a CORS preflight: text/plain, no-cors, with credentials.
  evilScript = `Promise.all([
    fetch("${BASE}/api/clients", { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ name: "Forged by a stranger", timezone: "UTC" }) }),
    fetch("${BASE}/api/messages/${dead.id}/retry", { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain" }, body: "{}" }),
  ]).then(() => (document.title = "sent"), (e) => (document.title = "failed " + e));`;
  await page.goto(`http://127.0.0.1:${EVIL_PORT}/`);
  await expect(page).toHaveTitle("sent");

  const clients = (await (await request.get("/api/clients", { headers: ADMIN })).json()) as { clients: { name: string }[] };
  expect(clients.clients.map((c) => c.name)).not.toContain("Forged by a stranger");
  expect((await (await request.get(`/api/messages/${dead.id}`, { headers: ADMIN })).json()).message.status).toBe("dead_letter");

  // The same refusals, spelled out, for a cookie holder.
  const ctx = await cookieContext();
  const data = { name: "Cookie Clinic", timezone: "UTC" };
  for (const origin of ["https://evil.example", `http://127.0.0.1:${EVIL_PORT}`]) {
    const res = await ctx.post("/api/clients", { headers: { Origin: origin }, data });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  }
  expect((await ctx.post("/api/clients", { data })).status(), "no Origin nor Referer").toBe(403);
  const plain = await ctx.post("/api/clients", { headers: { Origin: BASE, "Content-Type": "text/plain" }, data: JSON.stringify(data) });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  expect((await ctx.post(`/api/messages/${dead.id}/retry`, { headers: { Origin: "https://evil.example" }, data: {} })).status()).toBe(403);
  expect((await ctx.post("/api/clients", { headers: { Origin: BASE }, data })).status(), "same origin, JSON").toBe(201);
  expect((await ctx.get("/api/clients", { headers: { Origin: "https://evil.example" } })).status(), "reads are not refused").toBe(200);

  const keyed = await request.post("/api/clients", { headers: { ...ADMIN, Origin: "https://evil.example", "Content-Type": "text/plain" }, data: JSON.stringify({ name: "Keyed Clinic", timezone: "UTC" }) });
  expect(keyed.status(), await keyed.text()).toBe(201);
  await ctx.dispose();
});

test("logging out ends the session: its cookie answers 401 on the API, /login on pages, and no socket", async ({ page, context }) => {
  await logIn(page);
  const cookie = (await context.cookies()).find((c) => c.name === "herald_session")!;
  expect(await socketAccepts(cookie.value)).toBe(true);
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL(/\/login/);

  const replay = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { cookie: `herald_session=${cookie.value}` } });
  const res = await replay.get("/api/stats");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  await replay.dispose();
  await context.addCookies([cookie]);
  await page.goto("/messages");
  await expect(page).toHaveURL(/\/login\?next=%2Fmessages/);
  expect(await socketAccepts(cookie.value)).toBe(false);
});

test("GET /api/auth/sessions lists the owner's sessions; DELETE ends another one", async () => {
  const mine = await cookieContext();
  const other = await cookieContext();
  const otherId = (await sessionCookieOf(other)).split(".")[0];
  const list = (await (await mine.get("/api/auth/sessions")).json()) as { sessions: { id: string; current: boolean; address: string }[] };
  expect(list.sessions.find((s) => s.id === otherId)).toMatchObject({ current: false, address: "127.0.0.1" });
  expect(list.sessions.filter((s) => s.current)).toHaveLength(1);
  const del = await mine.delete(`/api/auth/sessions/${otherId}`, { headers: { Origin: BASE, "Content-Type": "application/json" } });
  expect(del.status(), await del.text()).toBe(200);
  expect((await other.get("/api/stats")).status()).toBe(401);
  expect((await mine.get("/api/stats")).status()).toBe(200);
  expect((await mine.delete(`/api/auth/sessions/${otherId}`, { headers: { Origin: BASE, "Content-Type": "application/json" } })).status()).toBe(404);
  await mine.dispose();
  await other.dispose();
});

test("pages and API answers carry the security headers, and the console works under its CSP", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to ... ${e.violatedDirective} ${e.blockedURI}`)));
  await logIn(page, "/messages");
  const nonces = new Set<string>();
  for (const path of ["/", "/messages", "/calls", "/clients", "/errors", "/login"]) {
    const res = (await page.goto(path))!;
    const headers = res.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
  }
  expect(nonces.size, "a fresh nonce per page").toBe(6);
  await page.goto("/messages");
  await expect(page.getByTestId("live-indicator")).toHaveText("Live"); // Next's scripts ran, Socket.IO connected
  expect(violations).toEqual([]);

  for (const res of [await request.get("/api/stats", { headers: ADMIN }), await request.get("/api/health"), await request.get("/api/stats")]) {
    const headers = res.headers();
    expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  }
});

test("a password change (restart with another ADMIN_PASSWORD) ends every session", async ({ page, context }) => {
  test.setTimeout(120_000);
  const before = await cookieContext();
  const cookie = await sessionCookieOf(before);
  expect((await before.get("/api/stats")).status()).toBe(200);
  expect(await server.stop()).toBe(0);
  server = await startOwnServer(PORT, databaseUrl, { ADMIN_PASSWORD: "e2e-password-changed" });

  expect((await before.get("/api/stats")).status()).toBe(401);
  expect(await socketAccepts(cookie)).toBe(false);
  await context.addCookies([{ name: "herald_session", value: cookie, url: BASE }]);
  await page.goto("/messages");
  await expect(page).toHaveURL(/\/login/);
  expect((await before.post("/api/auth/login", { data: { password: "e2e-password" } })).status(), "the old password").toBe(401);
  const after = await cookieContext("e2e-password-changed");
  expect((await after.get("/api/stats")).status()).toBe(200);
  await before.dispose();
  await after.dispose();
});

test("a burst of login attempts from one address answers 429 with Retry-After", async () => {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const statuses = await Promise.all(Array.from({ length: 14 }, () => ctx.post("/api/auth/login", { data: { password: "a-guess" } }).then((r) => r)));
  const limited = statuses.filter((r) => r.status() === 429);
  // LOGIN_RATE_LIMIT_PER_ADDRESS (10 a minute; the previous test spent one on the old password)
  expect(statuses.every((r) => r.status() === 401 || r.status() === 429)).toBe(true);
  expect(statuses.filter((r) => r.status() === 401).length).toBeLessThanOrEqual(10);
  expect(limited.length).toBeGreaterThanOrEqual(4);
  expect(Number(limited[0]!.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited[0]!.json()).error.code).toBe("RATE_LIMITED");
  // Guessing right does not get past the limit either: the bucket is per address, not per outcome.
  expect((await ctx.post("/api/auth/login", { data: { password: "e2e-password-changed" } })).status()).toBe(429);
  await ctx.dispose();
});
