// The Calls pages: a call reported by the voice platform appears live, its detail shows the
// transcript, the analysis and its follow-ups on their way to "delivered", and what could not be sent.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { logIn, ADMIN, SCREENSHOTS } from "./console-helpers";
import { callPayload, signedRequest, type CallOptions } from "../helpers/retell";

const RETELL_KEY = "e2e-retell-key";


async function createClient(request: APIRequestContext, name: string, agentId: string): Promise<string> {
  const res = await request.post("/api/clients", { headers: ADMIN, data: { name, timezone: "America/Chicago", agentIds: [agentId] } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).client.id as string;
}

async function postCall(request: APIRequestContext, options: CallOptions) {
  const { raw, signature } = signedRequest(RETELL_KEY, callPayload(options));
  const res = await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) });
  expect(res.status(), await res.text()).toBe(204);
}

/** Set on the page's window; gone after any reload, so it proves an update arrived live. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

test("a booked call appears live; its detail shows the transcript, the analysis and follow-ups reaching delivered", async ({ page, request }) => {
  const agentId = `agent_console_${Date.now()}`;
  const clientId = await createClient(request, "Console Call Clinic", agentId);
  const callId = `call_console_${Date.now()}`;
  const appointment = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const analysis = { customer_name: "Robin Reed", customer_email: "robin@example.com", appointment_booked: true, appointment_time: appointment, intent: "booking_request" };

  await logIn(page, `/calls?clientId=${clientId}`);
  await expect(page.getByText("No calls yet")).toBeVisible();
  await markPage(page);

  await postCall(request, { callId, agentId, event: "call_started", from: "+15553334444" });
  const row = page.locator(`[data-testid="call-row"][data-call-id="${callId}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("call-status")).toHaveText("ongoing");
  await expect(row).toContainText("+15553334444");
  await expect(row).toContainText("Console Call Clinic");

  await row.getByRole("link").click();
  await page.waitForURL(`**/calls/${callId}`);
  await expect(page.getByRole("heading", { name: /Call from \+15553334444/ })).toBeVisible();
  await expect(page.getByText("Follow-ups are planned as soon as the call's analysis arrives.")).toBeVisible();
  await markPage(page);

  await postCall(request, { callId, agentId, from: "+15553334444", analysis });
  const followUps = page.getByTestId("follow-up");
  await expect(followUps).toHaveCount(4);
  await expect(page.getByTestId("call-outcome")).toHaveText("booked");
  const confirmationSms = page.locator('[data-testid="follow-up"][data-kind="confirmation"][data-channel="sms"]');
  const confirmationEmail = page.locator('[data-testid="follow-up"][data-kind="confirmation"][data-channel="email"]');
  await expect(confirmationSms.getByTestId("status-badge")).toHaveText("Delivered", { timeout: 15_000 });
  await expect(confirmationEmail.getByTestId("status-badge")).toHaveText("Delivered", { timeout: 15_000 });
  await expect(page.locator('[data-testid="follow-up"][data-kind="reminder_24h"]').getByTestId("status-badge")).toHaveText("Pending");
  expect(await stillMarked(page)).toBe(true);

  await expect(page.getByTestId("call-transcript")).toContainText("I'd like to book a cleaning.");
  await expect(page.getByTestId("call-transcript").locator("li")).toHaveCount(2);
  await expect(page.getByText("Caller booked a cleaning.")).toBeVisible();
  const table = page.getByTestId("analysis-table");
  await expect(table.getByRole("row", { name: /customer_email/ })).toContainText("robin@example.com");
  await expect(table.getByRole("row", { name: /appointment_booked/ })).toContainText("yes");
  await page.screenshot({ path: `${SCREENSHOTS}/call-detail.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SCREENSHOTS}/call-detail-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/call-detail-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("link", { name: "← All calls" }).click();
  await page.waitForURL("**/calls");
  const listed = page.locator(`[data-testid="call-row"][data-call-id="${callId}"]`);
  await expect(listed.getByTestId("call-status")).toHaveText("analyzed");
  await expect(listed.getByTestId("call-outcome")).toHaveText("booked");
  await expect(page.getByTestId("call-stats")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/calls.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/calls-phone.png`, fullPage: true });
});

test("a booked call without an email address shows the skipped email and why", async ({ page, request }) => {
  const agentId = `agent_noemail_${Date.now()}`;
  await createClient(request, "No Email Clinic", agentId);
  const callId = `call_noemail_${Date.now()}`;
  const appointment = new Date(Date.now() + 2 * 86_400_000).toISOString();
  await postCall(request, { callId, agentId, from: "+15556667777", analysis: { customer_name: "Sam", appointment_booked: true, appointment_time: appointment } });

  await logIn(page, `/calls/${callId}`);
  const skipped = page.locator('[data-testid="skipped-follow-up"][data-channel="email"]');
  await expect(skipped).toHaveCount(1);
  await expect(skipped).toContainText("Confirmation · Email");
  await expect(skipped).toContainText("no email address for the customer");
  await expect(page.locator('[data-testid="follow-up"][data-channel="email"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="follow-up"][data-kind="confirmation"][data-channel="sms"]')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/call-detail-skipped.png`, fullPage: true });
});

test("an unknown call id shows a friendly not-found page", async ({ page }) => {
  await logIn(page, "/calls/call_that_never_happened");
  await expect(page.getByTestId("call-not-found")).toContainText("Call not found");
  await page.getByRole("link", { name: "← All calls" }).click();
  await page.waitForURL("**/calls");
});

test("the list pages with Load more, filters by status and is scoped by ?clientId=", async ({ page, request }) => {
  const agentId = `agent_many_${Date.now()}`;
  const clientId = await createClient(request, "Busy Line Clinic", agentId);
  const stamp = Date.now();
  for (let i = 0; i < 52; i++) await postCall(request, { callId: `call_many_${stamp}_${String(i).padStart(2, "0")}`, agentId, event: "call_started" });
  await postCall(request, { callId: `call_many_${stamp}_done`, agentId, analysis: { intent: "pricing", customer_name: "Pat" } });

  await logIn(page, `/calls?clientId=${clientId}`);
  const rows = page.getByTestId("call-row");
  await expect(rows).toHaveCount(50);
  await expect(page.getByText("client Busy Line Clinic")).toBeVisible();
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(53);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  await page.getByRole("link", { name: "Analyzed" }).click();
  await page.waitForURL(/status=analyzed/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("call-outcome")).toHaveText("interested");
  expect(new URL(page.url()).searchParams.get("clientId")).toBe(clientId);
});
