// The error log over HTTP and in the console: client keys see only their own errors, the
// Errors page shows entries and the critical badge, and changes arrive without a reload.
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { logIn, ADMIN, SCREENSHOTS } from "./console-helpers";
import { openDatabase, type Database } from "../../lib/db/client";
import { fingerprintOf } from "../../lib/errorlog/log-error";
import { newId } from "../../lib/ids";

// The server's database (tests/e2e/start-server.ts). Nothing on the e2e server logs an error for
// one client on demand (the sandbox has no provider-class failure), so those rows are written here.
const DB_URL = `file:${path.resolve("data", `e2e-${process.env.E2E_PORT ?? "3100"}.db`)}`;

let database: Database;
test.beforeAll(async () => {
  database = await openDatabase(DB_URL);
});
test.afterAll(async () => database?.close());

async function createClient(request: APIRequestContext, name: string) {
  const res = await request.post("/api/clients", { headers: ADMIN, data: { name, timezone: "America/New_York" } });
  expect(res.status(), await res.text()).toBe(201);
  const { client, apiKey } = (await res.json()) as { client: { id: string }; apiKey: string };
  return { id: client.id, auth: { Authorization: `Bearer ${apiKey}` } };
}

/** A provider-auth failure for one client, as the worker would have logged it. */
async function logCritical(clientId: string, message: string) {
  const input = { service: "providers", operation: "send:twilio", errorType: "provider", clientId };
  const row = await database.db.errorLog.create({
    data: { id: newId("err"), ...input, severity: "critical", message, context: JSON.stringify({ errorCode: "20003" }), fingerprint: fingerprintOf(input) },
  });
  return row.id;
}

/** A call webhook with a bad signature: 401, and a warning in the error log. */
async function sendBadlySignedWebhook(request: APIRequestContext) {
  const res = await request.post("/api/webhooks/calls", {
    headers: { "Content-Type": "application/json", "x-retell-signature": "v=1,d=00" },
    data: JSON.stringify({ event: "call_ended", call: { call_id: "call_forged" } }),
  });
  expect(res.status()).toBe(401);
}

async function unresolvedCritical(request: APIRequestContext): Promise<number> {
  return ((await (await request.get("/api/errors/stats", { headers: ADMIN })).json()) as { unresolved: { critical: number } }).unresolved.critical;
}

test("a client key sees only its own errors and gets 403 for another client's", async ({ request }) => {
  const a = await createClient(request, "Errors A");
  const b = await createClient(request, "Errors B");
  const mine = await logCritical(a.id, "twilio: Authenticate (client A)");
  const theirs = await logCritical(b.id, "twilio: Account suspended (client B)");
  await sendBadlySignedWebhook(request);

  // The admin sees all three kinds, Herald's own warning included.
  await expect.poll(async () => ((await (await request.get("/api/errors?type=invalid_signature", { headers: ADMIN })).json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);

  const own = await request.get("/api/errors", { headers: a.auth });
  expect(own.status()).toBe(200);
  const { errors } = (await own.json()) as { errors: { id: string; clientId: string | null }[] };
  expect(errors.map((e) => e.id)).toEqual([mine]);

  const stats = await (await request.get("/api/errors/stats", { headers: a.auth })).json();
  expect(stats).toMatchObject({ total: 1, unresolved: { critical: 1 } });

  for (const res of [
    await request.get(`/api/errors?clientId=${b.id}`, { headers: a.auth }),
    await request.get(`/api/errors/stats?clientId=${b.id}`, { headers: a.auth }),
    await request.post(`/api/errors/${theirs}/resolve`, { headers: a.auth }),
    await request.post(`/api/errors/${theirs}/acknowledge`, { headers: a.auth }),
  ]) {
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  }

  const bad = await request.get("/api/errors?since=2h&sort=loudest", { headers: ADMIN });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: { code: string; details: { path: string }[] } };
  expect(body.error.code).toBe("VALIDATION_FAILED");
  expect(body.error.details.map((d) => d.path).sort()).toEqual(["since", "sort"]);
  expect((await request.post("/api/errors/err_0000000000000000000000/resolve", { headers: ADMIN })).status()).toBe(404);

  const resolved = await request.post(`/api/errors/${mine}/resolve`, { headers: a.auth });
  expect(resolved.status()).toBe(200);
  expect(((await resolved.json()) as { entry: { resolvedAt: string | null } }).entry.resolvedAt).toBeTruthy();
  expect((await request.post(`/api/errors/${theirs}/resolve`, { headers: ADMIN })).status()).toBe(200);
});


test("the Errors page shows entries and the critical badge, and follows changes live", async ({ page, request }) => {
  const client = await createClient(request, "Bright Smile Dental");
  const critical = await logCritical(client.id, "twilio: Authenticate — the account's auth token was rejected (20003)");
  const expected = await unresolvedCritical(request);

  await logIn(page);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  // The badge is on every console page, this one included.
  await expect(page.getByTestId("critical-badge")).toHaveAttribute("data-count", String(expected));

  await page.getByRole("link", { name: /^Errors/ }).click();
  await page.waitForURL("**/errors");
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  await page.evaluate(() => ((window as unknown as { __heraldNoReload: boolean }).__heraldNoReload = true));

  const row = page.locator(`[data-testid="error-row"][data-error-id="${critical}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("severity-badge")).toHaveText("critical");
  await expect(row.getByTestId("error-state")).toHaveText("open");

  // A new entry arrives without a reload.
  await sendBadlySignedWebhook(request);
  const warning = page.locator('[data-testid="error-row"][data-severity="warning"]').filter({ hasText: "x-retell-signature" }).first();
  await expect(warning).toBeVisible();

  // Acknowledge from the page; resolve from elsewhere (the API) and watch it land.
  await row.getByRole("button", { name: "Acknowledge" }).click();
  await expect(row.getByTestId("error-state")).toHaveText("acknowledged");
  await expect(page.getByText(/refreshing/)).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/errors.png`, fullPage: true });

  const res = await request.post(`/api/errors/${critical}/resolve`, { headers: ADMIN });
  expect(res.status()).toBe(200);
  await expect(row.getByTestId("error-state")).toHaveText("resolved");
  const badge = page.getByTestId("critical-badge");
  if (expected > 1) await expect(badge).toHaveAttribute("data-count", String(expected - 1));
  else await expect(badge).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __heraldNoReload?: boolean }).__heraldNoReload)).toBe(true);

  // Filters live in the URL.
  await page.goto("/errors?severity=warning&q=RETELL");
  await expect(page.locator('[data-testid="error-row"]').first()).toBeVisible();
  for (const severity of await page.locator('[data-testid="error-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-severity")))) {
    expect(severity).toBe("warning");
  }
  await expect(page.locator("#error-severity")).toHaveValue("warning");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/errors-narrow.png`, fullPage: true });
});
