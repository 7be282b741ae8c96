// Every console page fits its screen: at 1280, 1440 and 390 px nothing is wider than the
// window, no table is wider than its frame, and no button is cut off by its cell (the
// messages table used to be 1,347 px in a 1,246 px box with Retry/Edit/Cancel clipped).
// Each page is also saved light and dark, desktop and phone, for a person to look at.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { callPayload, signedRequest } from "../helpers/retell";
import { ADMIN, SCREENSHOTS, createClient, enqueue, logIn, waitForStatus } from "./console-helpers";

const WIDTHS = [1280, 1440, 390] as const;
const HEADED = new Set(["overview", "inbox", "inbox-thread", "messages", "messages-expanded", "scheduled", "calls", "call-detail", "clients", "client-editor", "errors", "suppressions", "users", "account"]);

/** What does not fit, described; empty when the page fits. */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    if (document.documentElement.scrollWidth > vw + 1) out.push(`page is ${document.documentElement.scrollWidth} px wide in ${vw}`);
    // A horizontal scroller (the tab strip, the nav) may hold more than it shows, and text cut
    // with an ellipsis by a box inside the window is cut on purpose; nothing else may stick out.
    const scrolls = (el: Element | null): boolean => {
      for (let p = el?.parentElement; p; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowX;
        if (["auto", "scroll"].includes(overflow)) return true;
        if (["hidden", "clip"].includes(overflow) && p.getBoundingClientRect().right <= vw + 1) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden" || el.closest(".sr-only")) continue;
      if ((r.right > vw + 1 || r.left < -1) && !scrolls(el)) out.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} of ${vw}`);
    }
    for (const table of document.querySelectorAll("table")) {
      const frame = table.parentElement!.getBoundingClientRect();
      const t = table.getBoundingClientRect();
      if (t.width > frame.width + 1) out.push(`table ${Math.round(t.width)} px in a ${Math.round(frame.width)} px frame`);
      for (const control of table.querySelectorAll("button, a, input, select")) {
        const r = control.getBoundingClientRect();
        const cell = control.closest("td, th")?.getBoundingClientRect();
        if (!r.width || !cell) continue;
        if (r.right > cell.right + 1 || r.left < cell.left - 1 || r.right > frame.right + 1) out.push(`${name(control)} cut off: ${Math.round(r.left)}–${Math.round(r.right)} in cell ${Math.round(cell.left)}–${Math.round(cell.right)}`);
      }
    }
    return [...new Set(out)].slice(0, 12);
  });
}

async function postCall(request: APIRequestContext, body: unknown) {
  const { raw, signature } = signedRequest("e2e-retell-key", body);
  const res = await request.post("/api/webhooks/calls", { headers: { "Content-Type": "application/json", "x-retell-signature": signature }, data: Buffer.from(raw) });
  expect(res.status(), await res.text()).toBe(204);
}

/** The next 20:00 in New York at least an hour away: outside business hours, so a marketing
 *  message is held, and always inside the page's 48-hour window (the test used to take
 *  "tomorrow at 20:00", which is 49 hours away when it runs just after midnight UTC). */
function nextEvening(): string {
  let t = DateTime.now().setZone("America/New_York").set({ hour: 20, minute: 0, second: 0, millisecond: 0 });
  if (t.diffNow().as("hours") < 1) t = t.plus({ days: 1 });
  return t.toUTC().toISO()!;
}

test("every console page fits at 1280, 1440 and 390 px, light and dark", async ({ page, request }) => {
  test.setTimeout(300_000);
  const agentId = `agent_fit_${Date.now()}`;
  const client = await createClient(request, "Bright Smile Family Dentistry and Orthodontics of Greater Springfield", { agentIds: [agentId] });
  const long = `Hi Robin, your appointment for a full cleaning and whitening consultation is confirmed. ${"Please arrive ten minutes early to fill in the forms. ".repeat(6)}`;
  const dead = await enqueue(request, { clientId: client.id, to: "+15551230001", body: long });
  const delivered = await enqueue(request, { clientId: client.id, channel: "email", to: "robin.reed.with.a.very.long.address@example-dental-clinic.com", subject: "Your appointment is confirmed — please read the preparation notes", body: long });
  await enqueue(request, { clientId: client.id, to: "+15551237000", body: "Spring offer: 20% off whitening this month.", category: "marketing", scheduledFor: nextEvening() });
  await enqueue(request, { clientId: client.id, to: "+15551237001", body: long, scheduledFor: new Date(Date.now() + 5 * 3_600_000).toISOString() });
  const callId = `call_fit_${Date.now()}`;
  await postCall(request, callPayload({ callId, agentId, from: "+15553334444", analysis: { customer_name: "Robin Reed", appointment_booked: true, appointment_time: new Date(Date.now() + 3 * 86_400_000).toISOString() } }));
  await waitForStatus(request, dead.id, "dead_letter");
  await waitForStatus(request, delivered.id, "delivered");

  // The SMS conversation the dead-lettered message began (API sends open one too).
  const inbox = (await (await request.get(`/api/conversations?clientId=${client.id}&channel=sms`, { headers: ADMIN })).json()) as { conversations: { id: string; address: string }[] };
  const conversation = inbox.conversations.find((c) => c.address === "+15551230001")!;

  await logIn(page, "/");
  const pages: [string, string, ((p: Page) => Promise<void>)?][] = [
    ["overview", "/"],
    ["inbox", "/inbox", async (p) => void (await expect(p.getByTestId("conversation-row").first()).toBeVisible())],
    ["inbox-thread", `/inbox/${conversation.id}?clientId=${client.id}`, async (p) => void (await expect(p.getByTestId("bubbles")).toContainText("Please arrive ten minutes early"))],
    ["messages", `/messages?clientId=${client.id}`],
    [
      "messages-expanded",
      `/messages?tab=dead_letter&clientId=${client.id}`,
      async (p) => {
        await p.locator(`[data-testid="message-row"][data-message-id="${dead.id}"]`).click();
        await expect(p.getByTestId("attempt")).toHaveCount(1);
      },
    ],
    ["scheduled", `/messages?tab=scheduled&hours=48&clientId=${client.id}`, async (p) => void (await expect(p.locator(`[data-testid="scheduled-row"] [data-testid="held-reason"]`)).toHaveCount(1))],
    ["calls", "/calls"],
    ["call-detail", `/calls/${callId}`, async (p) => void (await expect(p.getByTestId("call-transcript")).toBeVisible())],
    ["clients", "/clients"],
    ["client-editor", `/clients/${client.id}`],
    ["errors", "/errors"],
    ["suppressions", "/suppressions"],
    ["users", "/users", async (p) => void (await expect(p.getByTestId("user-row").first()).toBeVisible())],
    ["account", "/account", async (p) => void (await expect(p.getByTestId("session-row").first()).toBeVisible())],
    ["audit", "/audit"],
    ["not-found", "/no-such-page", async (p) => void (await expect(p.getByTestId("not-found")).toBeVisible())],
  ];
  for (const [name, url, ready] of pages) {
    // One load per page, then each width by resizing the window, as a person dragging it would
    // (the layout is CSS media queries and resize listeners): a load per width cost a minute.
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await ready?.(page);
    // The list pages open with the one PageHeader (components/ui/page-header.tsx).
    if (HEADED.has(name)) await expect(page.getByTestId("page-header").locator("h1"), name).toHaveCount(1);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      await page.emulateMedia({ colorScheme: "light" });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await overflows(page), `${name} at ${width} px`).toEqual([]);
      if (width === 1280) continue;
      const tag = width < 500 ? "phone" : "desktop";
      await page.screenshot({ path: `${SCREENSHOTS}/fit-${name}-${tag}-light.png`, fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      // animations "disabled" ends colour transitions at once: a tile caught mid-transition looked light in dark mode.
      await page.screenshot({ path: `${SCREENSHOTS}/fit-${name}-${tag}-dark.png`, fullPage: true, animations: "disabled" });
    }
  }
});

test("the messages table's header stays in view and the actions column keeps its buttons", async ({ page, request }) => {
  const client = await createClient(request, "Sticky Clinic");
  for (let i = 0; i < 30; i++) await enqueue(request, { clientId: client.id, to: `+1555124${String(i).padStart(4, "0")}`, body: `Row ${i} ${"text ".repeat(40)}` });
  const dead = await enqueue(request, { clientId: client.id, to: "+15551230001", body: "bounces" });
  await waitForStatus(request, dead.id, "dead_letter");
  await page.setViewportSize({ width: 1440, height: 800 });
  await logIn(page, `/messages?clientId=${client.id}`);
  const actions = page.locator(`[data-testid="message-row"][data-message-id="${dead.id}"]`).getByRole("button", { name: "Edit" });
  await expect(actions).toBeVisible();
  await expect(page.getByTestId("message-row")).toHaveCount(31);
  await page.waitForLoadState("networkidle");
  expect(await overflows(page)).toEqual([]);
  const head = page.getByTestId("message-table").locator("thead th").nth(1);
  await page.evaluate(() => window.scrollTo(0, 1500));
  await expect.poll(async () => (await head.boundingBox())?.y ?? -1).toBeGreaterThan(40);
  expect((await head.boundingBox())!.y).toBeLessThan(80);
});

test("ADMIN sees the favicon without a session; an unknown page is Herald's 404", async ({ request, page }) => {
  const icon = await request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg");
  await logIn(page, "/");
  expect(await page.locator('link[rel="icon"]').first().getAttribute("href")).toContain("icon.svg");
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("This page does not exist");
  await expect(page).toHaveTitle(/Page not found · Herald/);
  expect((await request.get("/api/stats", { headers: ADMIN })).status()).toBe(200);
});
