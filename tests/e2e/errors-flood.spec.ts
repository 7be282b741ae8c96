// A flood of forged webhooks against the real server is one error-log entry with a count, and
// the Errors page shows the count (×N, last seen) and follows it live without a new row.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, SCREENSHOTS, logIn } from "./console-helpers";

interface Entry {
  id: string;
  occurrences: number;
  lastSeenAt: string;
  createdAt: string;
}

async function forgeCallWebhooks(request: APIRequestContext, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await request.post("/api/webhooks/calls", {
      headers: { "Content-Type": "application/json", "x-retell-signature": "v=1,d=00" },
      data: JSON.stringify({ event: "call_ended", call: { call_id: `call_flood_${i}` } }),
    });
    expect(res.status()).toBe(401);
  }
}

async function forgedEntries(request: APIRequestContext): Promise<Entry[]> {
  const res = await request.get("/api/errors?type=invalid_signature&service=webhooks&resolved=false", { headers: ADMIN });
  return ((await res.json()) as { errors: (Entry & { operation: string })[] }).errors.filter((e) => e.operation === "call_webhook");
}

test("300 forged webhooks are one entry ×300; the Errors page shows the count and follows it live", async ({ page, request }) => {
  await forgeCallWebhooks(request, 1);
  await expect.poll(async () => (await forgedEntries(request)).length).toBe(1);
  await page.waitForTimeout(600); // the log writes in batches every 200 ms: let the last one land
  const [before] = await forgedEntries(request);

  await forgeCallWebhooks(request, 300);
  await expect.poll(async () => (await forgedEntries(request)).map((e) => e.occurrences)).toEqual([before!.occurrences + 300]);
  const [after] = await forgedEntries(request);
  expect(after!.id).toBe(before!.id);
  expect(after!.lastSeenAt > after!.createdAt).toBe(true);

  await logIn(page, "/errors");
  await page.goto("/errors?type=invalid_signature&service=webhooks");
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  await page.evaluate(() => ((window as unknown as { __heraldNoReload: boolean }).__heraldNoReload = true));
  const row = page.locator(`[data-testid="error-row"][data-error-id="${after!.id}"]`);
  await expect(row.getByTestId("error-occurrences")).toHaveText(`×${after!.occurrences}`);
  await expect(row.getByTestId("error-last-seen")).toContainText("last");
  const rows = await page.getByTestId("error-row").count();

  // Five more: the same row counts them, live; no new row, no "new entry" highlight.
  await forgeCallWebhooks(request, 5);
  await expect(row.getByTestId("error-occurrences")).toHaveText(`×${after!.occurrences + 5}`);
  await expect(page.getByTestId("error-row")).toHaveCount(rows);
  await expect(row).not.toHaveAttribute("data-fresh", "true");
  expect(await page.evaluate(() => (window as unknown as { __heraldNoReload?: boolean }).__heraldNoReload)).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/errors-flood.png`, fullPage: true });
});
