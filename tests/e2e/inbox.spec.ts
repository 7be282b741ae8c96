// The Inbox against a real server.ts: an inbound SMS posted to the signed Twilio webhook appears
// live at the top of the list with its unread badge and raises the nav's unread figure; opening
// it marks it read; another conversation's message reorders the list live; a client's view (and
// a client's key) sees only that client's conversations; a call's detail shows the customer's
// thread and the Inbox shows the customer's calls. A server.ts of its own (E2E_PORT + 23, its
// own database) because the inbound webhook needs TWILIO_AUTH_TOKEN to check signatures.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import twilio from "twilio";
import { callPayload, signedRequest } from "../helpers/retell";
import { ADMIN, SCREENSHOTS, enqueue, expectNoReload, logIn, markNoReload } from "./console-helpers";
import { E2E_PORT, dbFileFor, freshDatabase } from "./herald-process";
import { startOwnServer, type OwnServer } from "./own-server";

const PORT = E2E_PORT + 23;
const BASE = `http://127.0.0.1:${PORT}`;
const TWILIO_TOKEN = "e2e-inbox-twilio-token";
const A_NUMBER = "+15550101001";
const B_NUMBER = "+15550102002";
test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

let server: OwnServer;
let a: { id: string; apiKey: string };
let b: { id: string; apiKey: string };

async function newClient(request: APIRequestContext, name: string, smsFrom: string, agentId: string) {
  const res = await request.post("/api/clients", { headers: ADMIN, data: { name, timezone: "America/New_York", smsFrom, agentIds: [agentId] } });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { client: { id: string }; apiKey: string };
  return { id: body.client.id, apiKey: body.apiKey };
}

let sid = 0;
/** What Twilio posts for a message a customer sends to one of our numbers, signed as Twilio signs it. */
async function inbound(request: APIRequestContext, from: string, to: string, body: string) {
  const params = { From: from, To: to, Body: body, MessageSid: `SM_inbox_${Date.now()}_${sid++}` };
  const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${BASE}/api/webhooks/twilio/inbound`, params);
  const res = await request.post("/api/webhooks/twilio/inbound", {
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    data: new URLSearchParams(params).toString(),
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

const rows = (page: Page) => page.getByTestId("conversation-row");
const rowOf = (page: Page, address: string) => rows(page).filter({ has: page.getByTestId("conversation-title").getByText(address, { exact: true }) });
const titles = (page: Page) => page.getByTestId("conversation-title").allTextContents();
const navUnread = (page: Page) => page.getByRole("navigation", { name: "Console" }).getByTestId("unread-total");

test.beforeAll(async ({ request }) => {
  server = await startOwnServer(PORT, await freshDatabase(dbFileFor(`e2e-inbox-${PORT}`)), { TWILIO_AUTH_TOKEN: TWILIO_TOKEN });
  a = await newClient(request, "Bright Smile Dental", A_NUMBER, "agent_inbox_a");
  b = await newClient(request, "Lakeside Physio", B_NUMBER, "agent_inbox_b");
  // Something older in A's inbox: a message we sent.
  await enqueue(request, { clientId: a.id, to: "+15557770011", body: "Your cleaning is confirmed for Friday at 10:00." });
});

test.afterAll(async () => {
  await server?.stop();
});

test("an inbound SMS appears live at the top, unread; opening it reads it; another reply reorders the list", async ({ page, request }) => {
  await logIn(page, "/inbox");
  await expect(rows(page)).toHaveCount(1);
  await expect(navUnread(page)).toHaveCount(0);
  await markNoReload(page);

  await inbound(request, "+15557770022", A_NUMBER, "Can I move my appointment to Monday?");
  await expect(rows(page).first()).toHaveAttribute("data-unread", "1");
  expect((await titles(page))[0]).toBe("+15557770022");
  await expect(rows(page).first().getByTestId("conversation-preview")).toHaveText("Can I move my appointment to Monday?");
  await expect(rows(page).first().getByTestId("unread-badge")).toHaveText("1 unread");
  await expect(navUnread(page)).toHaveAttribute("data-count", "1");

  await inbound(request, "+15557770033", A_NUMBER, "Do you take new patients?");
  await inbound(request, "+15557770033", A_NUMBER, "I live nearby");
  await expect.poll(() => titles(page)).toEqual(["+15557770033", "+15557770022", "+15557770011"]);
  await expect(rowOf(page, "+15557770033").getByTestId("unread-badge")).toHaveText("2 unread");
  await expect(navUnread(page)).toHaveAttribute("data-count", "3");

  // Opening the second conversation marks it read: its badge goes, the nav counts down; it keeps its place.
  await rowOf(page, "+15557770022").click();
  await expect(page).toHaveURL(/\/inbox\/conv_[0-9a-f]+$/);
  await expect(page.getByTestId("thread").locator("header")).toContainText("+15557770022");
  await expect(page.getByTestId("bubbles")).toContainText("Can I move my appointment to Monday?");
  await expect(rowOf(page, "+15557770022").getByTestId("unread-badge")).toHaveCount(0);
  await expect(rowOf(page, "+15557770022")).toHaveAttribute("aria-current", "true");
  await expect(navUnread(page)).toHaveAttribute("data-count", "2");
  expect(await titles(page)).toEqual(["+15557770033", "+15557770022", "+15557770011"]);

  // A new message in the open conversation moves it to the top, shows in the thread and is read at once.
  await inbound(request, "+15557770022", A_NUMBER, "Or Tuesday works too");
  await expect.poll(() => titles(page)).toEqual(["+15557770022", "+15557770033", "+15557770011"]);
  await expect(page.getByTestId("bubbles")).toContainText("Or Tuesday works too");
  await expect(rowOf(page, "+15557770022").getByTestId("conversation-preview")).toHaveText("Or Tuesday works too");
  await expect(rowOf(page, "+15557770022")).toHaveAttribute("data-unread", "0");
  await expect(navUnread(page)).toHaveAttribute("data-count", "2");

  // A reply from the Inbox: the row shows it as ours, and its ticks follow it to delivered.
  await page.getByTestId("reply-box").getByLabel("Message").fill("Tuesday at 10 it is");
  await page.getByTestId("reply-box").getByRole("button", { name: "Send" }).click();
  const replied = rowOf(page, "+15557770022");
  await expect(replied.getByTestId("conversation-preview")).toHaveText("You: Tuesday at 10 it is");
  await expect(replied.getByTestId("ticks")).toHaveAttribute("data-tick", "delivered", { timeout: 15_000 });
  expect((await titles(page))[0]).toBe("+15557770022");

  // The server agrees: read stays read after a reload.
  const listed = (await (await request.get(`/api/conversations?clientId=${a.id}`, { headers: ADMIN })).json()) as { conversations: { address: string; unreadCount: number }[] };
  expect(listed.conversations.map((c) => [c.address, c.unreadCount])).toEqual([["+15557770022", 0], ["+15557770033", 2], ["+15557770011", 0]]);
  await expectNoReload(page);
});

test("a client's view and a client's key see only that client's conversations", async ({ page, request }) => {
  await inbound(request, "+15557770044", B_NUMBER, "Is the pool open on Sunday?");
  await logIn(page, `/inbox?clientId=${a.id}`);
  await expect(rows(page)).toHaveCount(3);
  await markNoReload(page);
  // Live: B's reply stays out of A's list, A's reply comes to the top.
  await inbound(request, "+15557770055", B_NUMBER, "Lakeside only");
  await inbound(request, "+15557770066", A_NUMBER, "Bright Smile only");
  await expect.poll(() => titles(page)).toEqual(["+15557770066", "+15557770022", "+15557770033", "+15557770011"]);
  await expect(rowOf(page, "+15557770055")).toHaveCount(0);
  await expect(navUnread(page)).toHaveAttribute("data-count", "3", { timeout: 10_000 });
  await expectNoReload(page);

  // The unfiltered Inbox has both clients.
  await page.goto("/inbox");
  await expect(rowOf(page, "+15557770055")).toHaveCount(1);
  await expect(navUnread(page)).toHaveAttribute("data-count", "5");

  for (const [client, other] of [[a, b], [b, a]] as const) {
    const res = await request.get("/api/conversations", { headers: { Authorization: `Bearer ${client.apiKey}` } });
    expect(res.status()).toBe(200);
    const { conversations } = (await res.json()) as { conversations: { id: string; clientId: string }[] };
    expect(conversations.length).toBeGreaterThan(0);
    expect(new Set(conversations.map((c) => c.clientId))).toEqual(new Set([client.id]));
    // Even when it asks for the other client's, by filter or by id.
    const theirs = (await (await request.get(`/api/conversations?clientId=${other.id}`, { headers: ADMIN })).json()) as { conversations: { id: string }[] };
    const asked = await request.get(`/api/conversations/${theirs.conversations[0]!.id}`, { headers: { Authorization: `Bearer ${client.apiKey}` } });
    expect(asked.status()).toBe(404);
  }
});

test("a call's detail shows the customer's SMS thread, and the Inbox shows the customer's calls", async ({ page, request }) => {
  const callId = `call_inbox_${Date.now()}`;
  const { raw, signature } = signedRequest("e2e-retell-key", callPayload({ callId, agentId: "agent_inbox_a", from: "+15557770022", to: A_NUMBER }));
  const res = await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) });
  expect(res.status(), await res.text()).toBe(204);

  await logIn(page, `/calls/${callId}`);
  const section = page.getByTestId("call-conversation");
  await expect(section.getByTestId("bubbles")).toContainText("Can I move my appointment to Monday?");
  await expect(section.getByTestId("bubbles")).toContainText("Or Tuesday works too");
  await section.getByRole("link", { name: "Open in the Inbox →" }).click();
  await expect(page.getByTestId("thread").locator("header")).toContainText("+15557770022");
  await expect(page.getByTestId("customer-calls").getByTestId("customer-call")).toHaveAttribute("data-call-id", callId);

  // Another customer's conversation has no calls.
  await rowOf(page, "+15557770033").click();
  await expect(page.getByTestId("customer-calls-empty")).toBeVisible();
});

test("screenshots of the Inbox, light and dark, desktop and phone; on a phone the list and the thread are two steps", async ({ page }) => {
  await logIn(page, "/inbox");
  for (const [tag, width, height] of [["desktop", 1440, 900], ["phone", 390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/inbox");
    await expect(rows(page)).toHaveCount(6);
    await rowOf(page, "+15557770022").click();
    await expect(page.getByTestId("bubbles")).toContainText("Or Tuesday works too");
    await expect(page.getByTestId("customer-call")).toHaveCount(1);
    if (tag === "phone") {
      await expect(page.getByTestId("conversation-list")).toBeHidden();
      await page.getByRole("link", { name: "← All conversations" }).click();
      await expect(page.getByTestId("conversation-list")).toBeVisible();
      await expect(page.getByTestId("conversation-pane")).toHaveCount(0);
      await page.emulateMedia({ colorScheme: "light" });
      await page.screenshot({ path: `${SCREENSHOTS}/inbox-list-phone-light.png`, fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.screenshot({ path: `${SCREENSHOTS}/inbox-list-phone-dark.png`, fullPage: true, animations: "disabled" });
      await rowOf(page, "+15557770022").click();
      await expect(page.getByTestId("bubbles")).toContainText("Or Tuesday works too");
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    await page.emulateMedia({ colorScheme: "light" });
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-${tag}-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-${tag}-dark.png`, fullPage: true, animations: "disabled" });
  }
});
