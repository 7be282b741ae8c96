// Shared steps of the console e2e specs: sign in, make a client, queue messages, wait for a status.
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const ADMIN = { Authorization: "Bearer e2e-admin-key-0123456789" };
export const SCREENSHOTS = "tests/.artifacts/screenshots";

export interface Msg {
  id: string;
  status: string;
  body: string | null;
  to: string;
  attemptLog?: { provider: string; outcome: string; errorCode?: string }[];
  history?: { status: string; note: string | null }[];
}

export async function logIn(page: Page, next = "/messages") {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Password").fill("e2e-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next.split("?")[0]);
  // Events sent before the socket joins room "admin" would not reach the page.
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
}

export async function createClient(request: APIRequestContext, name: string, extra: Record<string, unknown> = {}) {
  const res = await request.post("/api/clients", { headers: ADMIN, data: { name: `${name} ${Date.now()}`, timezone: "America/New_York", ...extra } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { client: { id: string; name: string } }).client;
}

export async function enqueue(request: APIRequestContext, data: Record<string, unknown>): Promise<Msg> {
  const res = await request.post("/api/messages", { headers: ADMIN, data: { channel: "sms", body: "Hello from the e2e run", ...data } });
  expect(res.status(), await res.text()).toBe(202);
  return ((await res.json()) as { message: Msg }).message;
}

export async function getMessage(request: APIRequestContext, id: string): Promise<Msg> {
  return ((await (await request.get(`/api/messages/${id}`, { headers: ADMIN })).json()) as { message: Msg }).message;
}

export async function waitForStatus(request: APIRequestContext, id: string, status: string) {
  await expect.poll(async () => (await getMessage(request, id)).status, { timeout: 20_000 }).toBe(status);
}

/** Marks the page so a test can prove it was never reloaded. */
export async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { __heraldNoReload: boolean }).__heraldNoReload = true));
}

export async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __heraldNoReload?: boolean }).__heraldNoReload)).toBe(true);
}

export function row(page: Page, id: string) {
  return page.locator(`[data-testid="message-row"][data-message-id="${id}"]`);
}

export function tabCount(page: Page, tab: string) {
  return page.locator(`[data-testid="message-tab"][data-tab="${tab}"] [data-testid="tab-count"]`);
}
