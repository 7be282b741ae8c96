// The console shows a message enqueued through the API, and its way to "delivered", without a reload.
import { expect, test } from "@playwright/test";
import { ADMIN, logIn, SCREENSHOTS } from "./console-helpers";



test("unauthenticated visit to /messages redirects to /login", async ({ page }) => {
  await page.goto("/messages");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("a wrong password shows the error and stays on /login", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a message enqueued through the API appears live and reaches delivered", async ({ page, request }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/login.png`, fullPage: true });

  await logIn(page);
  // Events sent before the socket joins room "admin" would not reach this page.
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  // Survives only as long as the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { __heraldNoReload: boolean }).__heraldNoReload = true));

  const clientRes = await request.post("/api/clients", {
    headers: ADMIN,
    data: { name: "E2E Dental", timezone: "America/New_York" },
  });
  expect(clientRes.status(), await clientRes.text()).toBe(201);
  const { client, apiKey } = (await clientRes.json()) as { client: { id: string }; apiKey: string };
  expect(client.id).toBeTruthy();
  expect(apiKey).toBeTruthy();

  const messageRes = await request.post("/api/messages", {
    headers: ADMIN,
    data: { clientId: client.id, channel: "sms", to: "+15551230000", body: "Your appointment is confirmed for tomorrow at 10:00." },
  });
  expect(messageRes.status(), await messageRes.text()).toBe(202);
  const { message } = (await messageRes.json()) as { message: { id: string } };
  expect(message.id).toMatch(/^msg_/);

  const row = page.locator(`[data-testid="message-row"][data-message-id="${message.id}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByTestId("status-badge")).toHaveText("Delivered", { timeout: 15_000 });

  expect(await page.evaluate(() => (window as unknown as { __heraldNoReload?: boolean }).__heraldNoReload)).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/messages.png`, fullPage: true });
});
