// The messages page as an operator uses it: tabs and counts, the attention banner, a row's
// attempts and history, edit and retry, bulk retry, cancel, the schedule, compose, live updates.
import { expect, test } from "@playwright/test";
import { ADMIN, SCREENSHOTS, createClient, enqueue, expectNoReload, getMessage, logIn, markNoReload, row, tabCount, waitForStatus } from "./console-helpers";

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

test("each tab shows its rows and live counts, scoped to the client in the URL", async ({ page, request }) => {
  const client = await createClient(request, "Tabs Dental");
  const delivered = await enqueue(request, { clientId: client.id, to: "+15551230000" });
  const dead = await enqueue(request, { clientId: client.id, to: "+15551230001" });
  const soon = await enqueue(request, { clientId: client.id, to: "+15551239001", scheduledFor: inHours(2), body: "Reminder: cleaning in two hours" });
  const later = await enqueue(request, { clientId: client.id, to: "+15551239002", scheduledFor: inHours(72), body: "Checkup in three days" });
  await waitForStatus(request, delivered.id, "delivered");
  await waitForStatus(request, dead.id, "dead_letter");

  await logIn(page, `/messages?clientId=${client.id}`);
  // Sent counts what a provider accepted, delivered or read since included.
  const expected = { all: "4", pending: "2", sent: "1", failed: "0", dead_letter: "1", scheduled: "2" };
  for (const [tab, count] of Object.entries(expected)) await expect(tabCount(page, tab)).toHaveText(count);
  await expect(page.getByTestId("message-row")).toHaveCount(4);

  await page.locator('[data-testid="message-tab"][data-tab="pending"]').click();
  await expect(page).toHaveURL(/tab=pending/);
  await expect(page.getByTestId("message-row")).toHaveCount(2);
  await expect(row(page, soon.id)).toBeVisible();
  await expect(row(page, later.id)).toBeVisible();

  await page.locator('[data-testid="message-tab"][data-tab="dead_letter"]').click();
  await expect(page.getByTestId("message-row")).toHaveCount(1);
  await expect(row(page, dead.id).getByTestId("status-badge")).toHaveText("Dead letter");

  await page.locator('[data-testid="message-tab"][data-tab="sent"]').click();
  await expect(page.getByTestId("message-row")).toHaveCount(1);
  await expect(row(page, delivered.id).getByTestId("status-badge")).toHaveText("Delivered");

  // The schedule: 24 h holds the two-hour one, 7 days both, soonest first, in both time zones.
  await page.locator('[data-testid="message-tab"][data-tab="scheduled"]').click();
  await expect(page.getByTestId("scheduled-row")).toHaveCount(1);
  await expect(page.getByTestId("schedule-total")).toHaveText("1 in this window · 2 scheduled in all");
  await expect(page.getByTestId("client-time").first()).toHaveText(/E[SD]T|GMT-[45]/);
  await page.locator('[data-testid="schedule-window"][data-hours="168"]').click();
  await expect(page).toHaveURL(/hours=168/);
  await expect(page.getByTestId("scheduled-row")).toHaveCount(2);
  const order = await page.getByTestId("scheduled-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-message-id")));
  expect(order).toEqual([soon.id, later.id]);

  // A live change moves the counts without a reload.
  await markNoReload(page);
  await enqueue(request, { clientId: client.id, to: "+15551230000" });
  await expect(tabCount(page, "all")).toHaveText("5");
  await expect(tabCount(page, "sent")).toHaveText("2", { timeout: 15_000 });
  await expectNoReload(page);
});

test("a held marketing message shows why it waits in the schedule", async ({ page, request }) => {
  // Business hours: one hour a day inside the legal window (08:00–21:00 where the recipient
  // is, lib/compliance), and not this hour (UTC), so "now" is outside them.
  const hour = String(new Date().getUTCHours() === 10 ? 11 : 10).padStart(2, "0");
  const window = [{ open: `${hour}:00`, close: `${hour}:59` }];
  const businessHours = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, window]));
  const client = await createClient(request, "Held Spa", { timezone: "UTC", businessHours });
  const held = await enqueue(request, { clientId: client.id, to: "+15551238000", category: "marketing", body: "Spring offer" });
  await expect.poll(async () => (await getMessage(request, held.id)) as unknown as { heldReason: string | null }, { timeout: 15_000 }).toMatchObject({ heldReason: expect.stringMatching(/outside business hours|quiet hours/) });

  await logIn(page, `/messages?tab=scheduled&clientId=${client.id}`);
  const heldRow = page.locator(`[data-testid="scheduled-row"][data-message-id="${held.id}"]`);
  await expect(heldRow.getByTestId("held-reason")).toContainText(/outside business hours|quiet hours/);
  const h12 = String(Number(hour) % 12 || 12).padStart(2, "0");
  await expect(heldRow.getByTestId("client-time")).toHaveText(new RegExp(`(${hour}:00|${h12}:00\\s?[AP]M) UTC`));
  await page.screenshot({ path: `${SCREENSHOTS}/messages-scheduled.png`, fullPage: true });
});

test("the banner appears when a message dead-letters and its button opens the dead-letter tab", async ({ page, request }) => {
  const client = await createClient(request, "Banner Clinic");
  await logIn(page, `/messages?clientId=${client.id}`);
  await expect(page.getByTestId("attention-banner")).toHaveCount(0);
  await markNoReload(page);

  const dead = await enqueue(request, { clientId: client.id, to: "+15551230001" });
  const banner = page.getByTestId("attention-banner");
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner.getByTestId("attention-count")).toHaveText("1 message needs attention");
  // The banner is the first thing on the page.
  const first = await page.locator("main > div > *").first().getAttribute("data-testid");
  expect(first).toBe("attention-banner");
  await expect(page.getByTestId("activity-item").filter({ hasText: "Dead letter" })).toHaveCount(1);
  await expectNoReload(page);

  await banner.getByRole("link", { name: "Review dead letters" }).click();
  await expect(page).toHaveURL(/tab=dead_letter/);
  await expect(page).toHaveURL(new RegExp(`clientId=${client.id}`));
  await expect(row(page, dead.id)).toBeVisible();
});

test("a row expands with Enter; edit and retry sends the edited message once and it is delivered", async ({ page, request }) => {
  const client = await createClient(request, "Edit Clinic");
  const longBody = `Original text that will bounce. ${"Details of the appointment. ".repeat(12)}END-OF-BODY`;
  const dead = await enqueue(request, { clientId: client.id, to: "+15551230001", body: longBody });
  await waitForStatus(request, dead.id, "dead_letter");

  await logIn(page, `/messages?tab=dead_letter&clientId=${client.id}`);
  const r = row(page, dead.id);
  await r.focus();
  await page.keyboard.press("Enter");
  const detail = page.getByTestId("message-detail");
  await expect(detail.getByTestId("message-full-body")).toHaveText(longBody);
  await expect(detail.getByTestId("attempt")).toHaveCount(1);
  await expect(detail.getByTestId("attempt-log")).toContainText("SANDBOX_PERMANENT");
  await expect(detail.getByTestId("dead-letter-reason")).toBeVisible();
  await expect(detail.getByTestId("history-entry").last()).toHaveAttribute("data-status", "dead_letter");
  await page.screenshot({ path: `${SCREENSHOTS}/messages-expanded.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/messages-mobile.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await markNoReload(page);
  await detail.getByRole("button", { name: "Edit and retry" }).click();
  const form = page.getByTestId("retry-edit-form");
  await form.getByLabel("Recipient").fill("not a number");
  await form.getByRole("button", { name: "Save and retry" }).click();
  await expect(form.getByTestId("field-error")).toContainText("invalid phone number");
  await form.getByLabel("Recipient").fill("+15551230000");
  await form.getByLabel("Body").fill("Edited: see you tomorrow at 10:00.");
  await form.getByRole("button", { name: "Save and retry" }).click();

  await waitForStatus(request, dead.id, "delivered");
  const after = await getMessage(request, dead.id);
  expect(after.body).toBe("Edited: see you tomorrow at 10:00.");
  expect(after.to).toBe("+15551230000");
  expect(after.attemptLog!.filter((a) => a.outcome === "sent")).toHaveLength(1);
  expect(after.attemptLog!.filter((a) => a.outcome === "failed")).toHaveLength(1);
  expect(after.history!.map((h) => h.note).join("|")).toMatch(/retried with edits: (to, body|body, to)/);

  // The dead-letter tab empties live; the full list shows it delivered.
  await expect(r).toHaveCount(0);
  await page.locator('[data-testid="message-tab"][data-tab="all"]').click();
  await expect(row(page, dead.id).getByTestId("status-badge")).toHaveText("Delivered");
  await expectNoReload(page);
});

test("bulk retry re-queues every selected message and shows progress", async ({ page, request }) => {
  const client = await createClient(request, "Bulk Clinic");
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await enqueue(request, { clientId: client.id, to: "+15551230001", body: `Bulk ${i}` })).id);
  for (const id of ids) await waitForStatus(request, id, "dead_letter");

  await logIn(page, `/messages?tab=dead_letter&clientId=${client.id}`);
  for (const id of ids.slice(0, 2)) await row(page, id).getByTestId("row-select").check();
  await expect(page.getByTestId("bulk-bar")).toContainText("2 selected");
  await page.getByRole("button", { name: "Retry selected" }).click();
  // The sandbox's 0001 is a recipient failure: the bar asks first, as a single Retry does.
  await page.getByTestId("bulk-recipient-warning").getByRole("button", { name: "Retry all 2 anyway" }).click();
  await expect(page.getByTestId("bulk-progress")).toHaveText(/Retried 2 of 2/);

  for (const id of ids.slice(0, 2)) {
    await expect.poll(async () => (await getMessage(request, id)).history!.filter((h) => h.note === "retried").length).toBe(1);
  }
  expect((await getMessage(request, ids[2]!)).history!.some((h) => h.note === "retried")).toBe(false);

  // Retry without edits, from the row.
  // The sandbox's 0001 is a recipient failure: the row asks before retrying it as it is.
  await row(page, ids[2]!).getByRole("button", { name: "Retry", exact: true }).click();
  await row(page, ids[2]!).getByTestId("recipient-warning").getByRole("button", { name: "Retry anyway" }).click();
  await expect.poll(async () => (await getMessage(request, ids[2]!)).history!.filter((h) => h.note === "retried").length).toBe(1);
});

test("bulk retry asks first when some of the selection failed because of the recipient, and can leave those out", async ({ page, request }) => {
  const client = await createClient(request, "Bulk Blame Clinic");
  // 0001: the sandbox rejects the recipient; 0002: a temporary failure, dead-lettered after its retries.
  const blamed = [await enqueue(request, { clientId: client.id, to: "+15551240001" }), await enqueue(request, { clientId: client.id, to: "+15551250001" })];
  const other = await enqueue(request, { clientId: client.id, to: "+15551240002" });
  for (const m of [...blamed, other]) await waitForStatus(request, m.id, "dead_letter");
  const retried = async (id: string) => (await getMessage(request, id)).history!.filter((h) => h.note === "retried").length;

  await logIn(page, `/messages?tab=dead_letter&clientId=${client.id}`);
  for (const m of [...blamed, other]) await row(page, m.id).getByTestId("row-select").check();
  await expect(page.getByTestId("bulk-bar")).toContainText("3 selected");
  await page.getByRole("button", { name: "Retry selected" }).click();
  const warning = page.getByTestId("bulk-recipient-warning");
  await expect(warning.getByTestId("bulk-recipient-count")).toHaveText("2 of the 3 selected failed because of the recipient");
  await expect(warning).toContainText("recipient rejected");
  await page.screenshot({ path: `${SCREENSHOTS}/messages-bulk-recipient-warning.png` });
  // Keep: nothing is retried, the selection stays.
  await warning.getByRole("button", { name: "Keep" }).click();
  await expect(warning).toHaveCount(0);
  for (const m of [...blamed, other]) expect(await retried(m.id)).toBe(0);

  await page.getByRole("button", { name: "Retry selected" }).click();
  await warning.getByRole("button", { name: "Retry only the other 1" }).click();
  await expect(page.getByTestId("bulk-progress")).toHaveText(/Retried 1 of 1/);
  await expect.poll(() => retried(other.id)).toBe(1);
  for (const m of blamed) expect(await retried(m.id)).toBe(0);
});

test("cancel a scheduled message", async ({ page, request }) => {
  const client = await createClient(request, "Cancel Clinic");
  const scheduled = await enqueue(request, { clientId: client.id, to: "+15551237000", scheduledFor: inHours(3), body: "Cancel me" });
  await logIn(page, `/messages?tab=scheduled&clientId=${client.id}`);
  const r = page.locator(`[data-testid="scheduled-row"][data-message-id="${scheduled.id}"]`);
  await r.getByRole("button", { name: "Cancel" }).click();
  await expect(r).toHaveCount(0);
  await waitForStatus(request, scheduled.id, "cancelled");
  await expect(tabCount(page, "scheduled")).toHaveText("0");
});

test("compose an SMS through the dialog: browser and API field errors, then delivered live", async ({ page, request }) => {
  const client = await createClient(request, "Compose Clinic");
  await logIn(page, `/messages?clientId=${client.id}`);
  await markNoReload(page);
  await page.getByTestId("compose-open").click();
  const dialog = page.getByTestId("compose-dialog");
  await expect(dialog.getByLabel("Client")).toHaveValue(client.id);

  // The browser refuses a bad number with the API's own schema: nothing is sent.
  const posts: string[] = [];
  page.on("request", (req) => req.method() === "POST" && req.url().endsWith("/api/messages") && posts.push(req.url()));
  await dialog.getByLabel("To", { exact: true }).fill("555-0100");
  await dialog.getByLabel("Message").fill("Your table is ready.");
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByTestId("field-error")).toContainText("invalid phone number");
  expect(posts).toHaveLength(0);
  await page.screenshot({ path: `${SCREENSHOTS}/compose-dialog.png`, fullPage: true });

  // A 400 from the API puts its details[].path message under the field.
  await page.route("**/api/messages", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({ status: 400, json: { error: { code: "VALIDATION_FAILED", message: "body: too spicy", details: [{ path: "body", message: "too spicy" }] } } })
      : route.continue(),
  );
  await dialog.getByLabel("To", { exact: true }).fill("+15551236000");
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByTestId("field-error")).toHaveText("too spicy");
  await page.unroute("**/api/messages");

  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog).toBeHidden();
  const notice = page.getByTestId("composed-notice");
  await expect(notice).toBeVisible();
  const id = (await notice.getByRole("link").textContent())!.trim();
  await expect(row(page, id).getByTestId("status-badge")).toHaveText("Delivered", { timeout: 15_000 });
  expect((await getMessage(request, id)).body).toBe("Your table is ready.");
  await expectNoReload(page);
});

test("the client filter scopes the list and persists in the URL", async ({ page, request }) => {
  const a = await createClient(request, "Filter Alpha");
  const b = await createClient(request, "Filter Beta");
  const ma = await enqueue(request, { clientId: a.id, to: "+15551235001" });
  const mb = await enqueue(request, { clientId: b.id, to: "+15551235002" });
  await logIn(page, "/messages");
  await expect(row(page, ma.id)).toBeVisible();
  await expect(row(page, mb.id)).toBeVisible();

  await page.getByTestId("client-filter").selectOption(a.id);
  await expect(page).toHaveURL(new RegExp(`clientId=${a.id}`));
  await expect(row(page, ma.id)).toBeVisible();
  await expect(row(page, mb.id)).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("client-filter")).toHaveValue(a.id);
  await expect(row(page, mb.id)).toHaveCount(0);
  await page.locator('[data-testid="message-tab"][data-tab="pending"]').click();
  await expect(page).toHaveURL(new RegExp(`tab=pending.*clientId=${a.id}|clientId=${a.id}.*tab=pending`));
});

test("a burst of events keeps the page responsive and the feed at 50", async ({ page, request }) => {
  const client = await createClient(request, "Burst Clinic");
  await logIn(page, "/messages");
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: false });
  });
  const messages = Array.from({ length: 300 }, (_, i) => ({ clientId: client.id, channel: "sms", to: `+1555124${1000 + i}`, body: `Burst ${i}` }));
  const started = Date.now();
  const res = await request.post("/api/messages/batch", { headers: ADMIN, data: { messages } });
  expect(res.status()).toBe(202);
  await expect.poll(async () => (await (await request.get(`/api/stats?clientId=${client.id}`, { headers: ADMIN })).json()).byStatus.delivered, { timeout: 30_000 }).toBe(300);
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId("activity-count")).toHaveText("50");
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const worst = Math.max(0, ...longTasks);
  console.log(`burst: 300 messages (~1,200 events) in ${Date.now() - started} ms; ${longTasks.length} long tasks, worst ${Math.round(worst)} ms`);
  // The page still answers input straight away.
  const t0 = Date.now();
  await page.getByTestId("client-filter").focus();
  expect(Date.now() - t0).toBeLessThan(1_000);
  expect(worst).toBeLessThan(1_000);

  await page.screenshot({ path: `${SCREENSHOTS}/messages-console.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SCREENSHOTS}/messages-dark.png`, fullPage: true });
});
