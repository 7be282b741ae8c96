// What the console reads from the server and says about it: the overview's chart drawn from
// history on first load, then live; the list's filters; the CSV export; the operator words
// (status names, a warning before retrying a recipient failure, a confirmation after editing).
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { callPayload, signedRequest } from "../helpers/retell";
import { ADMIN, SCREENSHOTS, createClient, enqueue, expectNoReload, getMessage, logIn, markNoReload, row, waitForStatus } from "./console-helpers";

async function clientKey(request: APIRequestContext, name: string) {
  const res = await request.post("/api/clients", { headers: ADMIN, data: { name: `${name} ${Date.now()}`, timezone: "America/New_York" } });
  const body = (await res.json()) as { client: { id: string }; apiKey: string };
  return { id: body.client.id, headers: { Authorization: `Bearer ${body.apiKey}` } };
}

test("the overview's chart shows the last hour on first load, then grows live; its sum is the Sent figure", async ({ page, request }) => {
  const client = await createClient(request, "Chart Clinic");
  const sent = [];
  for (let i = 0; i < 3; i++) sent.push(await enqueue(request, { clientId: client.id, to: `+155512350${i}0` }));
  for (const m of sent) await waitForStatus(request, m.id, "delivered");

  // A fresh browser: nothing was heard live before this page opened.
  await logIn(page, `/?clientId=${client.id}`);
  const chart = page.getByTestId("throughput-chart");
  await expect(chart).toHaveAttribute("aria-label", "Last 60 minutes: 3 sent, 0 failed attempts");
  await expect(page.getByTestId("chart-minute")).toHaveCount(60);
  await expect(page.getByTestId("sent-hour")).toHaveText("3");

  await markNoReload(page);
  const more = await enqueue(request, { clientId: client.id, to: "+15551235099" });
  await waitForStatus(request, more.id, "delivered");
  await expect(chart).toHaveAttribute("data-sent", "4");
  await expect(page.getByTestId("sent-hour")).toHaveText("4");
  await expectNoReload(page);
  // The Sent tile counts what the Sent tab lists (sent, delivered and read), and says so.
  const sentTile = page.locator('[data-testid="status-tile"][data-status="sent"]');
  await expect(sentTile.getByTestId("tile-value")).toHaveText("4");
  await expect(sentTile.getByTestId("tile-counts")).toHaveText("incl. delivered and read");

  const series = await (await request.get(`/api/stats/timeseries?clientId=${client.id}&hours=2`, { headers: ADMIN })).json();
  expect(series.points).toHaveLength(120);
  expect(series.points.reduce((n: number, p: { sent: number }) => n + p.sent, 0)).toBe(4);
});

test("timeseries and export: a client key sees its own client only; bad input is a 400 body", async ({ request }) => {
  const a = await clientKey(request, "Key A");
  const b = await clientKey(request, "Key B");
  expect((await request.get(`/api/stats/timeseries?clientId=${b.id}`, { headers: a.headers })).status()).toBe(403);
  expect((await request.get(`/api/messages/export?clientId=${b.id}`, { headers: a.headers })).status()).toBe(403);
  expect((await request.get("/api/stats/timeseries")).status()).toBe(401);
  expect((await request.get("/api/messages/export")).status()).toBe(401);
  const bad = await request.get("/api/stats/timeseries?hours=0", { headers: ADMIN });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "VALIDATION_FAILED", message: "hours: must be at least 1" });
  const badDay = await request.get("/api/messages/export?from=yesterday", { headers: ADMIN });
  expect(badDay.status()).toBe(400);
  await enqueue(request, { clientId: b.id, to: "+15551235200" });
  const own = await request.get("/api/messages/export", { headers: a.headers });
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toContain("text/csv");
  expect(await own.text()).not.toContain("+15551235200");
});

test("filters: error class, provider, days and customer narrow the list and live in the URL", async ({ page, request }) => {
  const agentId = `agent_filters_${Date.now()}`;
  const client = await createClient(request, "Filter Clinic", { agentIds: [agentId] });
  const bounced = await enqueue(request, { clientId: client.id, to: "+15551230001", body: "bounces" });
  const ok = await enqueue(request, { clientId: client.id, to: "+15551235300", body: "goes" });
  await waitForStatus(request, bounced.id, "dead_letter");
  await waitForStatus(request, ok.id, "delivered");
  const { raw, signature } = signedRequest("e2e-retell-key", callPayload({ callId: `call_filters_${Date.now()}`, agentId, from: "+15553335555", analysis: { customer_name: "Ada Lovelace", intent: "pricing" } }));
  expect((await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) })).status()).toBe(204);

  await logIn(page, `/messages?clientId=${client.id}`);
  await expect(row(page, ok.id)).toBeVisible();
  await page.getByLabel("Error class").selectOption("recipient");
  await expect(page).toHaveURL(/errorClass=recipient/);
  await expect(row(page, bounced.id)).toBeVisible();
  await expect(page.getByTestId("message-row")).toHaveCount(1);

  await page.goto(`/messages?clientId=${client.id}&provider=sandbox`);
  await expect(row(page, ok.id)).toBeVisible();
  await expect(row(page, bounced.id)).toBeVisible();
  await page.getByLabel("Provider").selectOption("");
  await expect(page).not.toHaveURL(/provider=/);

  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From").fill(tomorrow);
  await expect(page).toHaveURL(new RegExp(`from=${tomorrow}`));
  await expect(page.getByTestId("empty-list")).toBeVisible();
  await page.getByTestId("filter-chip").filter({ hasText: "clear these filters" }).click();
  await expect(row(page, ok.id)).toBeVisible();

  await page.getByLabel("Customer").fill("lovelace");
  await page.getByLabel("Customer").press("Enter");
  await expect(page).toHaveURL(/customer=lovelace/);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  for (const r of await page.getByTestId("message-row").all()) await expect(r).toContainText("+15553335555");
  await expect(row(page, ok.id)).toHaveCount(0);

  // The short id the table shows finds its message.
  await page.goto(`/messages?clientId=${client.id}`);
  const shortId = (await row(page, ok.id).locator("td").nth(1).textContent())!.trim();
  expect(shortId).toMatch(/^…[0-9a-f]{8}$/);
  await page.getByLabel("Search").fill(shortId);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("message-row")).toHaveCount(1);
  await expect(row(page, ok.id)).toBeVisible();
});

test("Export CSV downloads every row of the filtered list, across pages, with progress", async ({ page, request }) => {
  const client = await createClient(request, "Export Clinic");
  const ids = new Set<string>();
  const batch = Array.from({ length: 260 }, (_, i) => ({ clientId: client.id, channel: "sms", to: `+1555126${String(i).padStart(4, "0")}`, body: `Export ${i}, "quoted"`, scheduledFor: new Date(Date.now() + 86_400_000).toISOString() }));
  const res = await request.post("/api/messages/batch", { headers: ADMIN, data: { messages: batch } });
  for (const r of (await res.json()).results as { message: { id: string } }[]) ids.add(r.message.id);
  expect(ids.size).toBe(260);

  await logIn(page, `/messages?clientId=${client.id}`);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^herald-messages-.*\.csv$/);
  const text = readFileSync((await file.path())!, "utf8");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^id,client,clientId,channel,to,status/);
  expect(lines).toHaveLength(261);
  expect(new Set(lines.slice(1).map((l) => l.split(",")[0]))).toEqual(ids);
  expect(text).toContain('"Export 7, ""quoted"""');
  await expect(page.getByTestId("export-status")).toHaveText("Exported 260 rows.");
  await page.screenshot({ path: `${SCREENSHOTS}/messages-export.png` });
});

test("operator words: statuses, a warning before retrying a recipient failure, a confirmation after edit-and-retry", async ({ page, request }) => {
  const client = await createClient(request, "Words Clinic");
  const dead = await enqueue(request, { clientId: client.id, to: "+15551230001", body: "bounces" });
  await waitForStatus(request, dead.id, "dead_letter");
  await logIn(page, `/messages?tab=dead_letter&clientId=${client.id}`);
  const r = row(page, dead.id);
  await expect(r.getByTestId("status-badge")).toHaveText("Dead letter");

  await r.getByRole("button", { name: "Retry", exact: true }).click();
  const warning = r.getByTestId("recipient-warning");
  await expect(warning).toContainText("This failed because of the recipient");
  await expect(warning).toContainText("recipient rejected");
  await page.screenshot({ path: `${SCREENSHOTS}/messages-recipient-warning.png` });
  await warning.getByRole("button", { name: "Keep" }).click();
  expect((await getMessage(request, dead.id)).status).toBe("dead_letter");

  await r.getByRole("button", { name: "Retry", exact: true }).click();
  await r.getByTestId("recipient-warning").getByRole("button", { name: "Edit first" }).click();
  const form = page.getByTestId("retry-edit-form");
  await form.getByLabel("Recipient").fill("+15551235400");
  await form.getByRole("button", { name: "Save and retry" }).click();
  await expect(page.getByTestId("retry-confirmation")).toContainText("Retried with your changes to the recipient");
  await waitForStatus(request, dead.id, "delivered");

  // The API's validation errors are sentences, not zod's defaults.
  const bad = await request.post(`/api/messages/${dead.id}/retry`, { headers: ADMIN, data: { body: "" } });
  expect((await bad.json()).error.message).toBe("body: must not be empty");
});
