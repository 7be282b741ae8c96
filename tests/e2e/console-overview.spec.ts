// The overview: live counts, throughput, cost and lag, health, calls now, errors, and the
// client filter that scopes all of it.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { callPayload, signedRequest } from "../helpers/retell";
import { ADMIN, SCREENSHOTS, createClient, enqueue, expectNoReload, logIn, markNoReload, waitForStatus } from "./console-helpers";

function postCall(request: APIRequestContext, body: unknown) {
  const { raw, signature } = signedRequest("e2e-retell-key", body);
  return request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) });
}

const tile = (page: import("@playwright/test").Page, status: string) => page.locator(`[data-testid="status-tile"][data-status="${status}"] [data-testid="tile-value"]`);

test("the overview shows counts, throughput, cost, health and errors, and moves live", async ({ page, request }) => {
  await logIn(page, "/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  for (const status of ["pending", "sent", "delivered", "failed", "dead_letter", "scheduled"]) await expect(tile(page, status)).toBeVisible();
  await expect(page.locator('[data-testid="channel-tile"]')).toHaveCount(3);
  await expect(page.getByTestId("cost-today")).toHaveText(/^\$\d+\.\d\d$/);
  await expect(page.getByTestId("cost-month")).toHaveText(/^\$\d+\.\d\d$/);
  await expect(page.getByTestId("worker-health")).toHaveAttribute("data-ok", "true");
  await expect(page.locator('[data-testid="provider-health"][data-provider="sandbox"]')).toHaveAttribute("data-status", "ok");
  // The error log exists in this build: its summary is shown.
  await expect(page.getByTestId("error-panel")).toBeVisible();

  await markNoReload(page);
  const stats = await (await request.get("/api/stats", { headers: ADMIN })).json();
  const client = await createClient(request, "Overview Live");
  const m = await enqueue(request, { clientId: client.id, to: "+15551234100" });
  await waitForStatus(request, m.id, "delivered");
  await expect(tile(page, "delivered")).toHaveText(String(stats.byStatus.delivered + 1));
  await expect(page.getByTestId("sent-hour")).toHaveText(String(stats.sentLastHour + 1));
  await expect(page.getByTestId("throughput-chart")).toHaveAttribute("aria-label", /Last 60 minutes: [1-9]\d* sent/);
  await expectNoReload(page);

  await page.screenshot({ path: `${SCREENSHOTS}/overview.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/overview-mobile.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SCREENSHOTS}/overview-dark.png`, fullPage: true });
});

test("calls now follows call:* events live; recent calls lists the call", async ({ page, request }) => {
  const agent = `agent_overview_${Date.now()}`;
  const client = await createClient(request, "Overview Calls", { agentIds: [agent] });
  await logIn(page, `/?clientId=${client.id}`);
  await expect(page.getByTestId("calls-now-count")).toHaveText("0 live");
  await markNoReload(page);

  const callId = `call_overview_${Date.now()}`;
  expect((await postCall(request, callPayload({ callId, agentId: agent, event: "call_started", from: "+15557770000", startMs: Date.now() - 5_000 }))).status()).toBe(204);
  const live = page.locator(`[data-testid="call-now"][data-call-id="${callId}"]`);
  await expect(live).toBeVisible();
  await expect(live).toHaveAttribute("data-ended", "false");
  await expect(live).toContainText("+15557770000");
  // The clock runs from when the call began (5 s before the webhook), not from when it was heard.
  await expect(live.getByTestId("call-clock")).toHaveText(/^0:(0[5-9]|[1-5]\d)$/);
  await expect(page.getByTestId("calls-now-count")).toHaveText("1 live");
  await expect(page.locator(`[data-testid="recent-call"][data-call-id="${callId}"]`)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/overview-call-live.png`, fullPage: true });

  expect((await postCall(request, callPayload({ callId, agentId: agent, event: "call_ended", from: "+15557770000" }))).status()).toBe(204);
  await expect(live).toHaveAttribute("data-ended", "true");
  await expect(page.getByTestId("calls-now-count")).toHaveText("0 live");
  await expectNoReload(page);
});

test("the client filter scopes the overview and survives a reload", async ({ page, request }) => {
  const a = await createClient(request, "Scope Alpha");
  const b = await createClient(request, "Scope Beta");
  const a1 = await enqueue(request, { clientId: a.id, to: "+15551234201" });
  const a2 = await enqueue(request, { clientId: a.id, to: "+15551234202" });
  const b1 = await enqueue(request, { clientId: b.id, to: "+15551230001" });
  await waitForStatus(request, a1.id, "delivered");
  await waitForStatus(request, a2.id, "delivered");
  await waitForStatus(request, b1.id, "dead_letter");

  await logIn(page, `/?clientId=${a.id}`);
  await expect(page.getByTestId("overview-scope")).toHaveText(a.name);
  await expect(tile(page, "delivered")).toHaveText("2");
  await expect(tile(page, "dead_letter")).toHaveText("0");
  // Tiles open the messages list for the same client.
  await expect(page.locator('[data-testid="status-tile"][data-status="dead_letter"]')).toHaveAttribute("href", new RegExp(`clientId=${a.id}`));

  // A live change for this client shows without a reload, although admins hear only global stats.
  await markNoReload(page);
  const a3 = await enqueue(request, { clientId: a.id, to: "+15551234203" });
  await waitForStatus(request, a3.id, "delivered");
  await expect(tile(page, "delivered")).toHaveText("3");
  await expectNoReload(page);

  await page.getByTestId("client-filter").selectOption(b.id);
  await expect(page).toHaveURL(new RegExp(`clientId=${b.id}`));
  await expect(tile(page, "delivered")).toHaveText("0");
  await expect(tile(page, "dead_letter")).toHaveText("1");
  await page.reload();
  await expect(page.getByTestId("client-filter")).toHaveValue(b.id);
  await expect(tile(page, "dead_letter")).toHaveText("1");

  await page.getByTestId("client-filter").selectOption("");
  await expect(page).toHaveURL(/\/$/);
});
