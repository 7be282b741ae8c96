// The embeddable conversation widget against a server.ts of its own (port E2E_PORT + 50, fresh
// SQLite, the sandbox providers, a Twilio auth token to sign inbound webhooks with, and
// WIDGET_FRAME_ANCESTORS naming a host page served on E2E_PORT + 51). A reply shows at once
// as pending, then its ticks: sent, delivered (SMS), read (WhatsApp); a failure shows Retry,
// and Retry sends once; a customer's message appears live; older pages load on scrolling up
// and keep the reader's place; the widget works framed by another origin; a token for one
// conversation opens no other; screenshots light and dark, desktop and phone.
import { createServer, type Server } from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import twilio from "twilio";
import { conversationIdFor } from "../../lib/conversations/conversation-id";
import { ADMIN, SCREENSHOTS, expectNoReload, markNoReload } from "./console-helpers";
import { E2E_PORT, dbFileFor, freshDatabase } from "./herald-process";
import { startOwnServer, type OwnServer } from "./own-server";

const PORT = E2E_PORT + 50;
const HOST_PORT = E2E_PORT + 51; // allowed to frame the widget
const STRANGER_PORT = E2E_PORT + 52; // not allowed; E2E_PORT + 53: a second replica in the reconnect test
const BASE = `http://127.0.0.1:${PORT}`;
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const STRANGER = `http://127.0.0.1:${STRANGER_PORT}`;
const TWILIO_TOKEN = "e2e-widget-twilio-auth-token";
const SERVER_ENV = { TWILIO_AUTH_TOKEN: TWILIO_TOKEN, SMS_PROVIDERS: "sandbox", WHATSAPP_PROVIDERS: "sandbox", WIDGET_FRAME_ANCESTORS: `'self' ${HOST}` };

test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

let server: OwnServer;
let databaseUrl = "";
const hosts: Server[] = [];
const stamp = String(Date.now()).slice(-4);
/** A number of this run: +1555 <stamp> <last four>. */
const num = (last4: string) => `+1555${stamp}${last4}`;
let clientId = "";
const SMS_FROM = num("1000");
const WA_FROM = num("1001");

/** A page that frames `?src=`: the stranger's origin and the allowed host serve the same one. */
function serveHostPage(port: number): Promise<Server> {
  const host = createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://x").searchParams.get("src") ?? "";
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><title>Clinic site</title><h1>Dental Clinic</h1>
      <iframe id="herald" title="Conversation" src="${src.replace(/"/g, "&quot;")}" style="width:380px;height:560px;border:1px solid #ccc"></iframe>`);
  });
  return new Promise((resolve) => host.listen(port, "127.0.0.1", () => resolve(host)));
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(120_000);
  databaseUrl = await freshDatabase(dbFileFor(`widget-${PORT}`));
  server = await startOwnServer(PORT, databaseUrl, SERVER_ENV);
  hosts.push(await serveHostPage(HOST_PORT), await serveHostPage(STRANGER_PORT));
  const request = await playwright.request.newContext({ baseURL: BASE });
  const res = await request.post("/api/clients", { headers: ADMIN, data: { name: `Widget Dental ${stamp}`, timezone: "UTC", smsFrom: SMS_FROM, whatsappFrom: `whatsapp:${WA_FROM}` } });
  expect(res.status(), await res.text()).toBe(201);
  clientId = ((await res.json()) as { client: { id: string } }).client.id;
  await request.dispose();
});

test.afterAll(async () => {
  await server?.stop();
  for (const h of hosts) h.close();
});

/** The customer writes: Twilio's signed inbound webhook, as Twilio signs it. */
async function customerWrites(request: APIRequestContext, from: string, to: string, body: string, mediaUrl?: string, base = BASE) {
  const params: Record<string, string> = { From: from, To: to, Body: body, MessageSid: `SM${Date.now()}${Math.random().toString(16).slice(2, 10)}`, NumMedia: mediaUrl ? "1" : "0" };
  if (mediaUrl) params.MediaUrl0 = mediaUrl;
  const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${base}/api/webhooks/twilio/inbound`, params);
  const res = await request.post(`${base}/api/webhooks/twilio/inbound`, { headers: { "X-Twilio-Signature": signature }, form: params });
  expect(res.status(), await res.text()).toBe(200);
}

async function tokenFor(request: APIRequestContext, conversationId: string): Promise<string> {
  const res = await request.post("/api/v1/widget/token", { headers: ADMIN, data: { conversationId } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

const widgetUrl = (conversationId: string, token: string) => `/widget/${conversationId}?token=${encodeURIComponent(token)}`;

/** Every status and tick a bubble with `text` shows, in order, as the page draws them. */
async function recordStatuses(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    const look = () => {
      for (const li of document.querySelectorAll<HTMLElement>('[data-testid="bubble"]')) {
        if (li.querySelector("p")?.textContent !== wanted) continue;
        const entry = `${li.dataset.status}:${li.querySelector<SVGElement>('[data-testid="ticks"]')?.dataset.tick}`;
        if (seen[seen.length - 1] !== entry) seen.push(entry);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, text);
  return () => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}

const bubble = (page: Page, text: string) => page.locator('[data-testid="bubble"]', { has: page.getByText(text, { exact: true }) });

/** Holds the page's widget/send requests until released: what the reader sees before the server answers. */
async function holdSends(page: Page) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route("**/api/v1/widget/send", async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

async function messageOf(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/messages/${id}`, { headers: ADMIN });
  return ((await res.json()) as { message: { id: string; status: string; attemptLog: unknown[]; conversationId?: string } }).message;
}

test("SMS: a reply shows at once as pending, then one grey tick (sent), then two (delivered); the customer's answer appears live", async ({ page, request }) => {
  const customer = num("2001");
  await customerWrites(request, customer, SMS_FROM, "Can I move my cleaning to Friday?");
  const conversation = conversationIdFor(clientId, "sms", customer);
  await page.goto(widgetUrl(conversation, await tokenFor(request, conversation)));
  await expect(page.getByTestId("thread-live")).toHaveText("Live");
  await expect(bubble(page, "Can I move my cleaning to Friday?")).toHaveAttribute("data-direction", "inbound");
  await markNoReload(page);

  const statuses = await recordStatuses(page, "Friday at 3 pm works");
  const release = await holdSends(page);
  await page.getByLabel("Message").fill("Friday at 3 pm works");
  await page.getByLabel("Message").press("Enter");
  // Drawn before the server has even received it: the clock, and the box is empty for the next one.
  const mine = bubble(page, "Friday at 3 pm works");
  await expect(mine).toHaveAttribute("data-status", "sending");
  await expect(mine.getByTestId("ticks")).toHaveAttribute("data-tick", "clock");
  await expect(page.getByLabel("Message")).toHaveValue("");
  release();
  await expect(mine).toHaveAttribute("data-status", "delivered", { timeout: 15_000 });
  await expect(mine.getByTestId("ticks")).toHaveAttribute("data-tick", "delivered");
  const seen = await statuses();
  expect(seen[0]).toBe("sending:clock");
  expect(seen).toContain("sent:sent");
  expect(seen.indexOf("sent:sent")).toBeLessThan(seen.indexOf("delivered:delivered"));
  expect(seen.at(-1)).toBe("delivered:delivered");
  // The server agrees, and the reply is in this conversation, sent once.
  const id = (await mine.getAttribute("data-message-id"))!;
  const message = await messageOf(request, id);
  expect([message.status, message.attemptLog.length]).toEqual(["delivered", 1]);

  await customerWrites(request, customer, SMS_FROM, "Perfect, thank you!", `${HOST}/x-ray.png`);
  const answer = bubble(page, "Perfect, thank you!");
  await expect(answer).toHaveAttribute("data-direction", "inbound");
  await expect(answer.getByTestId("bubble-media")).toHaveAttribute("src", `${HOST}/x-ray.png`);
  await expectNoReload(page);
  // The live bubble is the stored message (same id), so a refetch (a reconnect) does not draw it twice.
  const stored = await request.get(`/api/v1/widget/conversation/${conversation}/history`, { headers: ADMIN });
  const inboundIds = ((await stored.json()) as { messages: { id: string; text: string }[] }).messages.filter((m) => m.text === "Perfect, thank you!").map((m) => m.id);
  expect(inboundIds).toEqual([await answer.getAttribute("data-message-id")]);
  // A reload shows the same thread once: the live bubble and the stored one are the same message.
  await page.reload();
  await expect(bubble(page, "Perfect, thank you!")).toHaveCount(1);
  await expect(page.locator('[data-testid="bubble"]')).toHaveCount(3);
});

test("WhatsApp: the open window is shown, and a reply goes sent → delivered → read (two blue ticks)", async ({ page, request }) => {
  const customer = num("2002");
  await customerWrites(request, `whatsapp:${customer}`, `whatsapp:${WA_FROM}`, "Is parking free?");
  const conversation = conversationIdFor(clientId, "whatsapp", customer);
  await page.goto(widgetUrl(conversation, await tokenFor(request, conversation)));
  await expect(page.getByTestId("whatsapp-window")).toHaveAttribute("data-window", "open");
  await expect(page.getByTestId("whatsapp-window")).toContainText("closes");
  await expect(page.getByTestId("template-only")).toHaveCount(0);
  await expect(page.getByTestId("thread-live")).toHaveText("Live");
  const statuses = await recordStatuses(page, "Yes, behind the building");
  await page.getByLabel("Message").fill("Yes, behind the building");
  await page.getByRole("button", { name: "Send" }).click();
  const mine = bubble(page, "Yes, behind the building");
  await expect(mine).toHaveAttribute("data-status", "read", { timeout: 15_000 });
  await expect(mine.getByTestId("ticks")).toHaveAttribute("data-tick", "read");
  const seen = await statuses();
  const order = ["sent:sent", "delivered:delivered", "read:read"].map((s) => seen.indexOf(s));
  expect(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!)), seen.join(" → ")).toBe(true);
  expect((await messageOf(request, (await mine.getAttribute("data-message-id"))!)).status).toBe("read");
});

test("WhatsApp with the window closed: the thread and the reply box say only a template can be sent", async ({ page, request }) => {
  const customer = num("2003");
  // Herald wrote first (an appointment reminder); the customer never answered.
  const res = await request.post("/api/messages", { headers: ADMIN, data: { clientId, channel: "whatsapp", to: `whatsapp:${customer}`, body: "Reminder: cleaning tomorrow 9:00" } });
  expect(res.status(), await res.text()).toBe(202);
  const conversation = conversationIdFor(clientId, "whatsapp", customer);
  await page.goto(widgetUrl(conversation, await tokenFor(request, conversation)));
  await expect(page.getByTestId("whatsapp-window")).toHaveAttribute("data-window", "closed");
  await expect(page.getByTestId("template-only")).toContainText("only an approved template can be sent");
});

test("a failing recipient shows Retry in red, and Retry sends once", async ({ page, request }) => {
  const customer = num("0001"); // the sandbox refuses …0001 for good
  await customerWrites(request, customer, SMS_FROM, "Please call me back");
  const conversation = conversationIdFor(clientId, "sms", customer);
  await page.goto(widgetUrl(conversation, await tokenFor(request, conversation)));
  await expect(page.getByTestId("thread-live")).toHaveText("Live");
  await page.getByLabel("Message").fill("We will call you at noon");
  await page.getByLabel("Message").press("Enter");
  const mine = bubble(page, "We will call you at noon");
  await expect(mine).toHaveAttribute("data-status", "dead_letter", { timeout: 15_000 });
  await expect(mine.getByTestId("ticks")).toHaveAttribute("data-tick", "failed");
  const id = (await mine.getAttribute("data-message-id"))!;
  expect((await messageOf(request, id)).attemptLog).toHaveLength(1);

  await mine.getByTestId("retry").dblclick(); // an impatient double click is still one retry
  await expect.poll(async () => (await messageOf(request, id)).attemptLog.length, { timeout: 15_000 }).toBe(2);
  await expect(mine).toHaveAttribute("data-status", "dead_letter", { timeout: 15_000 });
  await expect(mine.getByTestId("retry")).toBeVisible();
  await page.waitForTimeout(1_500);
  expect((await messageOf(request, id)).attemptLog, "exactly one new send").toHaveLength(2);
  // One message in the conversation: a retry re-sends the same one, it does not make another.
  const history = await request.get(`/api/v1/widget/conversation/${conversation}/history`, { headers: ADMIN });
  expect(((await history.json()) as { messages: { direction: string }[] }).messages.filter((m) => m.direction === "outbound")).toHaveLength(1);
});

test("a send whose answer was lost shows Retry, and Retry resends the same messageId: the customer gets it once", async ({ page, request }) => {
  const customer = num("2010");
  await customerWrites(request, customer, SMS_FROM, "Is my crown ready?");
  const conversation = conversationIdFor(clientId, "sms", customer);
  await page.goto(widgetUrl(conversation, await tokenFor(request, conversation)));
  await expect(page.getByTestId("thread-live")).toHaveText("Live");
  const bodies: string[] = [];
  // The first send reaches Herald, but its answer never comes back (the connection drops).
  await page.route("**/api/v1/widget/send", async (route) => {
    bodies.push(route.request().postData() ?? "");
    if (bodies.length === 1) {
      await route.fetch();
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  await page.getByLabel("Message").fill("Yes, come by tomorrow");
  await page.getByLabel("Message").press("Enter");
  const mine = bubble(page, "Yes, come by tomorrow");
  await expect(mine).toHaveAttribute("data-status", "failed");
  await mine.getByTestId("retry").click();
  await expect(mine).toHaveAttribute("data-status", "delivered", { timeout: 15_000 });
  const ids = bodies.map((b) => (JSON.parse(b) as { messageId: string }).messageId);
  expect(ids).toHaveLength(2);
  expect(ids[1], "the resend carries the same messageId").toBe(ids[0]);
  const history = await request.get(`/api/v1/widget/conversation/${conversation}/history`, { headers: ADMIN });
  const outbound = ((await history.json()) as { messages: { id: string; direction: string }[] }).messages.filter((m) => m.direction === "outbound");
  expect(outbound, "one message, sent once").toHaveLength(1);
  expect((await messageOf(request, outbound[0]!.id)).attemptLog).toHaveLength(1);
});

test("history loads 20 at a time; scrolling up loads the older page and keeps the reader's place", async ({ page, request }) => {
  const customer = num("2004");
  const messages = Array.from({ length: 45 }, (_, i) => ({ clientId, channel: "sms", to: customer, body: `Note ${String(i + 1).padStart(2, "0")}` }));
  const res = await request.post("/api/messages/batch", { headers: ADMIN, data: { messages } });
  expect(res.status(), await res.text()).toBe(202);
  const conversation = conversationIdFor(clientId, "sms", customer);
  await page.goto(widgetUrl(conversation, await tokenFor(request, conversation)));
  const bubbles = page.locator('[data-testid="bubble"]');
  await expect(bubbles).toHaveCount(20);
  await expect(bubbles.last()).toContainText("Note 45");
  const oldest = bubble(page, "Note 26");
  await expect(oldest).toBeVisible();
  await page.getByTestId("thread-scroller").evaluate((el) => (el.scrollTop = 0));
  await expect(bubbles).toHaveCount(40);
  // The bubble that was at the top is still where the reader left it, not pushed out of view.
  await expect(oldest).toBeInViewport();
  await page.getByTestId("thread-scroller").evaluate((el) => (el.scrollTop = 0));
  await expect(bubbles).toHaveCount(45);
  await expect(bubbles.first()).toContainText("Note 01");
  await expect(page.getByText("Start of the conversation")).toBeVisible();
});

test("framed by an allowed origin the widget works with its token; another origin may not frame it", async ({ page, request }) => {
  const customer = num("2005");
  await customerWrites(request, customer, SMS_FROM, "Hello from the website");
  const conversation = conversationIdFor(clientId, "sms", customer);
  const src = `${BASE}${widgetUrl(conversation, await tokenFor(request, conversation))}`;

  const widget = await request.get(src);
  expect(widget.headers()["content-security-policy"]).toContain(`frame-ancestors 'self' ${HOST}`);
  expect(widget.headers()["x-frame-options"]).toBeUndefined();
  const console = await request.get("/login");
  expect(console.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(console.headers()["x-frame-options"]).toBe("DENY");

  await page.goto(`${HOST}/?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator("#herald");
  await expect(frame.getByTestId("thread-live")).toHaveText("Live");
  await expect(frame.getByText("Hello from the website")).toBeVisible();
  await frame.getByLabel("Message").fill("Hi! How can we help?");
  await frame.getByLabel("Message").press("Enter");
  await expect(frame.locator('[data-testid="bubble"]', { hasText: "Hi! How can we help?" })).toHaveAttribute("data-status", "delivered", { timeout: 15_000 });
  await customerWrites(request, customer, SMS_FROM, "Do you take new patients?");
  await expect(frame.getByText("Do you take new patients?")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/widget-framed.png` });

  const blocked: string[] = [];
  page.on("console", (m) => /frame-ancestors|Refused to frame/i.test(m.text()) && blocked.push(m.text()));
  await page.goto(`${STRANGER}/?src=${encodeURIComponent(src)}`);
  await expect.poll(() => blocked.length, { message: "Chromium refuses the frame" }).toBeGreaterThan(0);
  await expect(page.frameLocator("#herald").getByTestId("thread")).toHaveCount(0);
});

test("a token opens its own conversation only; a missing, forged or other conversation's token says so", async ({ page, request }) => {
  const a = num("2006");
  const b = num("2007");
  await customerWrites(request, a, SMS_FROM, "A's secret");
  await customerWrites(request, b, SMS_FROM, "B's secret");
  const convA = conversationIdFor(clientId, "sms", a);
  const convB = conversationIdFor(clientId, "sms", b);
  const tokenA = await tokenFor(request, convA);
  const bearer = { Authorization: `Bearer ${tokenA}` };
  for (const path of [`/api/v1/widget/conversation/${convB}`, `/api/v1/widget/conversation/${convB}/history`]) {
    const res = await request.get(path, { headers: bearer });
    expect(res.status(), path).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  }
  const retry = await request.post(`/api/v1/widget/conversation/${convB}/retry`, { headers: bearer, data: { messageId: "msg_x" } });
  expect(retry.status()).toBe(404);

  await page.goto(widgetUrl(convB, tokenA));
  await expect(page.getByTestId("widget-problem")).toHaveAttribute("data-code", "NOT_FOUND");
  await expect(page.getByText("B's secret")).toHaveCount(0);
  await page.goto(`/widget/${convA}`);
  await expect(page.getByTestId("widget-problem")).toHaveAttribute("data-code", "MISSING_TOKEN");
  await page.goto(widgetUrl(convA, `${tokenA.slice(0, -3)}xyz`));
  await expect(page.getByTestId("widget-problem")).toHaveAttribute("data-code", "UNAUTHENTICATED");
  await expect(page.getByText("This link has expired or is not valid")).toBeVisible();
  // Its own conversation opens.
  await page.goto(widgetUrl(convA, tokenA));
  await expect(page.getByText("A's secret")).toBeVisible();
});

test("screenshots: light and dark, desktop and phone", async ({ page, request }) => {
  const customer = num("2008");
  await customerWrites(request, `whatsapp:${customer}`, `whatsapp:${WA_FROM}`, "Hi, I have a question about my bill from last week. Can you send me a copy?");
  const conversation = conversationIdFor(clientId, "whatsapp", customer);
  const token = await tokenFor(request, conversation);
  await page.goto(widgetUrl(conversation, token));
  await expect(page.getByTestId("thread-live")).toHaveText("Live");
  await page.getByLabel("Message").fill("Of course! I'm sending it now.");
  await page.getByLabel("Message").press("Enter");
  await expect(bubble(page, "Of course! I'm sending it now.")).toHaveAttribute("data-status", "read", { timeout: 15_000 });
  await customerWrites(request, `whatsapp:${customer}`, `whatsapp:${WA_FROM}`, "Got it, thanks 👍");
  await expect(page.getByText("Got it, thanks 👍")).toBeVisible();
  for (const [name, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SCREENSHOTS}/widget-${name}-${scheme}.png` });
    }
  }
  // The failed bubble and its Retry, on a phone in the dark.
  const failing = conversationIdFor(clientId, "sms", num("0001"));
  await page.goto(widgetUrl(failing, await tokenFor(request, failing)));
  await expect(page.getByTestId("retry").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/widget-phone-dark-failed.png` });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "nothing wider than the phone").toBeLessThanOrEqual(390);
});

test("after a dropped connection the widget reconnects and shows what it missed", async ({ page, request }) => {
  test.setTimeout(120_000);
  const customer = num("2009");
  await customerWrites(request, customer, SMS_FROM, "Are you open on Saturday?");
  const conversation = conversationIdFor(clientId, "sms", customer);
  await page.goto(widgetUrl(conversation, await tokenFor(request, conversation)));
  await expect(page.getByTestId("thread-live")).toHaveText("Live");
  await markNoReload(page);
  await server.stop();
  await expect(page.getByTestId("thread-live")).toHaveText("Reconnecting");
  // The customer writes while the widget's server is down: another replica on the same database
  // takes the webhook, so the widget hears no event of it and must refetch to see it.
  const other = await startOwnServer(PORT + 3, databaseUrl, SERVER_ENV);
  await customerWrites(request, customer, SMS_FROM, "Or Sunday?", undefined, other.url);
  await other.stop();
  server = await startOwnServer(PORT, databaseUrl, SERVER_ENV);
  await expect(page.getByTestId("thread-live")).toHaveText("Live", { timeout: 20_000 });
  await expect(bubble(page, "Or Sunday?")).toHaveAttribute("data-direction", "inbound");
  await expect(page.locator('[data-testid="bubble"]')).toHaveCount(2);
  await expectNoReload(page);
});
