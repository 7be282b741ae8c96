// The Scheduled tab lists pending messages by when they will really go: a marketing message
// due after the client's business hours goes at the next opening, so it comes after
// transactional ones due later than it. The server orders and pages it (GET
// /api/messages/scheduled, a cursor on the real send time), and the tab's filters apply there.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DateTime } from "luxon";
import { ADMIN, SCREENSHOTS, createClient, enqueue, logIn } from "./console-helpers";

const ZONE = "America/New_York";
const HOURS = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "09:00", close: "17:00" }]]));

interface Entry {
  id: string;
  scheduledFor: string;
  goesAt: string | null;
  goesReason: string | null;
}

async function schedule(request: APIRequestContext, query: string) {
  const res = await request.get(`/api/messages/scheduled?${query}`, { headers: ADMIN });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { messages: Entry[]; total: number; nextCursor: string | null };
}

test("the schedule is ordered by the real send time, paged on it, filtered, and shows that time", async ({ page, request }) => {
  const client = await createClient(request, "Order Clinic", { timezone: ZONE, businessHours: HOURS });
  const tomorrow = DateTime.now().setZone(ZONE).plus({ days: 1 }).startOf("day");
  const at = (h: number, m = 0) => tomorrow.set({ hour: h, minute: m }).toUTC().toISO()!;
  // Due order: offer (17:30), reminder (18:00), email (18:30). The offer is marketing: held to 09:00 the day after.
  const offer = await enqueue(request, { clientId: client.id, to: "+15551260003", category: "marketing", body: "Spring offer", scheduledFor: at(17, 30) });
  const reminder = await enqueue(request, { clientId: client.id, to: "+15551260004", body: "Reminder: tomorrow 10:00", scheduledFor: at(18) });
  const email = await enqueue(request, { clientId: client.id, channel: "email", to: "robin@example.com", subject: "Your visit", body: "See you soon", scheduledFor: at(18, 30) });
  const opening = tomorrow.plus({ days: 1 }).set({ hour: 9 }).toUTC().toISO()!;

  const all = await schedule(request, `hours=168&clientId=${client.id}`);
  expect(all.messages.map((m) => m.id)).toEqual([reminder.id, email.id, offer.id]);
  expect(all.total).toBe(3);
  const held = all.messages[2]!;
  expect(new Date(held.goesAt!).toISOString()).toBe(new Date(opening).toISOString());
  expect(held.goesReason).toMatch(/outside business hours/);
  expect(new Date(all.messages[0]!.goesAt!).toISOString()).toBe(new Date(at(18)).toISOString());
  expect(all.messages[0]!.goesReason).toBeNull();

  // One at a time through the cursor: the same order, nothing twice, nothing missing.
  const paged: string[] = [];
  let cursor: string | null = null;
  do {
    const page1 = await schedule(request, `hours=168&clientId=${client.id}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    paged.push(...page1.messages.map((m) => m.id));
    cursor = page1.nextCursor;
  } while (cursor && paged.length < 10);
  expect(paged).toEqual([reminder.id, email.id, offer.id]);

  // Filters on the server: channel, customer, and a range of the real send time.
  expect((await schedule(request, `hours=168&clientId=${client.id}&channel=email`)).messages.map((m) => m.id)).toEqual([email.id]);
  expect((await schedule(request, `hours=168&clientId=${client.id}&customer=nobody-by-this-name`)).messages).toEqual([]);
  const afterDue = encodeURIComponent(tomorrow.plus({ days: 1 }).toUTC().toISO()!);
  expect((await schedule(request, `clientId=${client.id}&from=${afterDue}&until=${encodeURIComponent(tomorrow.plus({ days: 2 }).toUTC().toISO()!)}`)).messages.map((m) => m.id)).toEqual([offer.id]);
  expect((await request.get("/api/messages/scheduled?cursor=nonsense", { headers: ADMIN })).status()).toBe(400);

  // The console: the same order, the real time shown, and the filter bar on the tab.
  await logIn(page, `/messages?tab=scheduled&hours=168&clientId=${client.id}`);
  const rows = page.getByTestId("scheduled-row");
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((r) => r.map((x) => x.getAttribute("data-message-id")))).toEqual([reminder.id, email.id, offer.id]);
  const offerRow = page.locator(`[data-testid="scheduled-row"][data-message-id="${offer.id}"]`);
  expect(new Date((await offerRow.getByTestId("viewer-time").getAttribute("data-at"))!).toISOString()).toBe(new Date(opening).toISOString());
  await expect(offerRow.getByTestId("client-time")).toContainText(/09:00|9:00\s?AM/);
  await expect(offerRow.getByTestId("held-reason")).toContainText("outside business hours");
  await expect(page.getByLabel("Channel")).toBeVisible();
  await expect(page.getByLabel("Goes from")).toBeVisible();
  await expect(page.getByLabel("Customer")).toBeVisible();
  await expect(page.getByLabel("Provider")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/messages-scheduled-order.png`, fullPage: true });

  await page.getByLabel("Channel").selectOption("email");
  await expect(page).toHaveURL(/channel=email/);
  await expect(rows).toHaveCount(1);
  await expect(page.locator(`[data-testid="scheduled-row"][data-message-id="${email.id}"]`)).toBeVisible();

  const day = (d: DateTime) => d.setZone("local").toISODate();
  await page.goto(`/messages?tab=scheduled&clientId=${client.id}&from=${day(DateTime.fromISO(opening))}&until=${day(DateTime.fromISO(opening))}`);
  await expect(rows).toHaveCount(1);
  await expect(offerRow).toBeVisible();
});
