// The client portal in Chromium: a user of one client (User.clientId) sees no client selector,
// only that client's overview, messages and calls, and another client's call by its URL is
// "not found"; a viewer gets no buttons for what the role may not do.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openDatabase, type Database } from "../../lib/db/client";
import { hashPassword } from "../../lib/auth/password";
import { newId } from "../../lib/ids";
import { fingerprintOf } from "../../lib/errorlog/log-error";
import type { Role } from "../../lib/auth/permissions";
import { callPayload, signedRequest } from "../helpers/retell";
import { ADMIN, SCREENSHOTS, createClient, enqueue } from "./console-helpers";
import { ROOT } from "./herald-process";

const DB_URL = `file:${path.join(ROOT, "data", `e2e-${process.env.E2E_PORT ?? "3100"}.db`)}`;
const PASSWORD = "portal-password-0123";

interface Tenant {
  id: string;
  name: string;
  message: string;
  deadLetter: string;
  callId: string;
}

let db: Database;
let A: Tenant;
let B: Tenant;
const stamp = Date.now();

test.beforeAll(async ({ playwright, baseURL }) => {
  db = await openDatabase(DB_URL);
  const request = await playwright.request.newContext({ baseURL });
  const tenant = async (label: string, n: number): Promise<Tenant> => {
    const agent = `agent_portal_${label}_${stamp}`;
    const client = await createClient(request, `${label} Portal Dental`, { agentIds: [agent] });
    const message = await enqueue(request, { clientId: client.id, to: `+1555444010${n}`, body: `Hello from ${label}'s portal run` });
    const deadLetter = await enqueue(request, { clientId: client.id, to: "+15557770001", body: `Refused by ${label}'s recipient` }); // the sandbox refuses …0001
    const callId = `call_portal_${label}_${stamp}`;
    const { raw, signature } = signedRequest("e2e-retell-key", callPayload({ callId, agentId: agent, from: `+1555333020${n}`, event: "call_analyzed" }));
    const res = await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) });
    expect(res.status()).toBe(204);
    return { id: client.id, name: client.name, message: message.id, deadLetter: deadLetter.id, callId };
  };
  A = await tenant("A", 1);
  B = await tenant("B", 2);
  await expect.poll(async () => db.db.message.count({ where: { id: { in: [A.deadLetter, B.deadLetter] }, status: "dead_letter" } }), { timeout: 20_000 }).toBe(2);
  await request.dispose();
});
test.afterAll(async () => db?.close());

/** A user of client A with this role, signed in (the cookie lands in the page's context). */
async function signInAsPortalUser(page: Page, baseURL: string, role: Role) {
  const email = `portal-${role}-${stamp}@example.com`;
  await db.db.user.create({ data: { id: newId("usr"), email, name: `Pat ${role === "agent" ? "Agent" : "Viewer"}`, role, clientId: A.id, passwordHash: await hashPassword(PASSWORD) } });
  const login = await page.request.post("/api/auth/login", { headers: { Origin: baseURL }, data: { email, password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
}

test("a portal agent sees only client A, with no client selector, and not B's call by its URL", async ({ page, baseURL }) => {
  await signInAsPortalUser(page, baseURL!, "agent");

  await page.goto("/");
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  await expect(page.getByTestId("overview-scope")).toHaveText(A.name);
  await expect(page.getByTestId("signed-in-as")).toContainText("Pat Agent");
  await expect(page.getByTestId("signed-in-as")).toContainText("Agent");
  await expect(page.getByTestId("client-filter")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/portal-overview.png`, fullPage: true });

  await page.goto("/messages");
  await expect(page.locator(`[data-message-id="${A.message}"]`)).toBeVisible();
  await expect(page.getByTestId("client-filter")).toHaveCount(0);
  await expect(page.locator(`[data-message-id="${B.message}"]`)).toHaveCount(0);
  const aIds = new Set(((await (await page.request.get(`/api/messages?clientId=${A.id}&limit=100`, { headers: ADMIN })).json()).messages as { id: string }[]).map((m) => m.id));
  const shown = await page.getByTestId("message-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-message-id")));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((id) => !aIds.has(id!)), "rows of another client").toEqual([]);
  // An agent may retry: the dead-lettered message has its button (the viewer's test below relies on it).
  await expect(page.locator(`[data-message-id="${A.deadLetter}"]`).getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Compose" })).toBeVisible();

  await page.goto("/calls");
  await expect(page.locator(`[data-call-id="${A.callId}"]`)).toBeVisible();
  await expect(page.locator(`[data-call-id="${B.callId}"]`)).toHaveCount(0);

  await page.goto(`/calls/${B.callId}`);
  await expect(page.getByTestId("call-not-found")).toBeVisible();
  await expect(page.getByText(B.name)).toHaveCount(0);
  await expect(page.getByText("+15553330202")).toHaveCount(0);

  // The URL cannot widen the scope either: another client's filter is refused, not obeyed.
  await page.goto(`/messages?clientId=${B.id}`);
  await expect(page.locator(`[data-message-id="${B.message}"]`)).toHaveCount(0);
});

test("a portal viewer has no retry, cancel or compose buttons", async ({ page, baseURL }) => {
  await signInAsPortalUser(page, baseURL!, "viewer");
  await page.goto("/messages");
  const row = page.locator(`[data-message-id="${A.deadLetter}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText("Viewer");
  await expect(row.getByRole("button", { name: /Retry|Edit|Cancel/ })).toHaveCount(0);
  await expect(page.getByTestId("row-select")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Compose" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Retry|Cancel)$/ })).toHaveCount(0);
  await expect(page.getByTestId("message-table").getByRole("checkbox"), "no bulk-retry selection").toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/portal-viewer-messages.png`, fullPage: true });

  // What stays on screen is disabled and says which permission is missing.
  const input = { service: "providers", operation: "send:twilio", errorType: "provider", clientId: A.id };
  await db.db.errorLog.create({ data: { id: newId("err"), ...input, severity: "error", message: `portal viewer's error ${stamp}`, fingerprint: fingerprintOf(input) } });
  await page.goto("/errors");
  const resolve = page.getByRole("button", { name: "Resolve", exact: true }).first();
  await expect(resolve).toBeDisabled();
  await expect(resolve).toHaveAttribute("title", /"resolve_errors" permission/);
});
