// A message a crash left unknown (sent again, flagged possibleDuplicate by the worker's
// recovery, tests/integration/crash-sends.test.ts) says so in the console: a badge on its row
// and a notice in its detail, so staff can tell the customer may have it twice.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openDatabase } from "../../lib/db/client";
import { ADMIN, SCREENSHOTS, createClient, enqueue, logIn, row, waitForStatus } from "./console-helpers";

const DB_URL = `file:${path.resolve("data", `e2e-${process.env.E2E_PORT ?? "3100"}.db`)}`;

test("a possible duplicate is marked on its row and explained in its detail", async ({ page, request }) => {
  const client = await createClient(request, `Duplicate Dental ${Date.now()}`);
  const flagged = await enqueue(request, { clientId: client.id, channel: "sms", to: "+15557771234", body: "Your appointment is confirmed" });
  const plain = await enqueue(request, { clientId: client.id, channel: "sms", to: "+15557771235", body: "Your appointment is confirmed" });
  await waitForStatus(request, flagged.id, "delivered");
  await waitForStatus(request, plain.id, "delivered");
  // The flag as the worker's recovery sets it (the crash itself is the integration test's).
  const database = await openDatabase(DB_URL);
  try {
    await database.db.message.update({ where: { id: flagged.id }, data: { possibleDuplicate: true } });
  } finally {
    await database.close();
  }
  const api = await (await request.get(`/api/messages/${flagged.id}`, { headers: ADMIN })).json();
  expect(api.message.possibleDuplicate).toBe(true);

  await logIn(page, `/messages?clientId=${client.id}&tab=sent`);
  await expect(row(page, flagged.id).getByTestId("possible-duplicate")).toHaveText("maybe sent twice");
  await expect(row(page, plain.id).getByTestId("possible-duplicate")).toHaveCount(0);
  await row(page, flagged.id).click();
  await expect(page.getByTestId("possible-duplicate-notice")).toContainText("may have received it twice");
  await page.screenshot({ path: `${SCREENSHOTS}/possible-duplicate.png` });
});
