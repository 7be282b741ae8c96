// The audit trail as an operator sees it: an edit and retry in the console shows on the
// message ("edited by … : to … → …") and on the Audit page with its before/after and address.
import { expect, test } from "@playwright/test";
import { ADMIN, SCREENSHOTS, createClient, enqueue, logIn, row, waitForStatus } from "./console-helpers";

test("an edit and retry is on the message and on /audit with who, before → after and where from", async ({ page, request }) => {
  const client = await createClient(request, "Audit Dental");
  const dead = await enqueue(request, { clientId: client.id, to: "+15551230001", body: "Your cleaning is on Friday." });
  await waitForStatus(request, dead.id, "dead_letter");

  await logIn(page, `/messages?tab=dead_letter&clientId=${client.id}`);
  await row(page, dead.id).focus();
  await page.keyboard.press("Enter");
  const detail = page.getByTestId("message-detail");
  await detail.getByRole("button", { name: "Edit and retry" }).click();
  const form = page.getByTestId("retry-edit-form");
  await form.getByLabel("Recipient").fill("+15551230000");
  await form.getByRole("button", { name: "Save and retry" }).click();
  await waitForStatus(request, dead.id, "delivered");

  // An API key's enqueue is machine traffic: the message's only entry is the person's edit
  // (the client's creation by the admin key is the client's own entry).
  const api = await (await request.get(`/api/audit?clientId=${client.id}`, { headers: ADMIN })).json();
  expect(api.entries.map((e: { action: string }) => e.action)).toEqual(["message.edit_retry", "client.create"]);
  expect(api.entries[0].changes).toEqual({ to: ["+15551230001", "+15551230000"] });
  expect(api.entries[0].actor.kind).toBe("user");

  await page.goto(`/messages?q=${dead.id}&clientId=${client.id}`);
  await row(page, dead.id).focus();
  await page.keyboard.press("Enter");
  const line = page.getByTestId("message-audit-line");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(/edited by .+ \d{1,2}:\d{2}.*: to: \+15551230001 → \+15551230000/);
  await page.screenshot({ path: `${SCREENSHOTS}/message-audit.png`, fullPage: true });

  await page.goto(`/audit?clientId=${client.id}`);
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
  await expect(page.getByTestId("audit-row").nth(1)).toContainText("Created a client");
  const auditRow = page.getByTestId("audit-row").first();
  await expect(auditRow).toContainText("Edited and retried");
  await expect(auditRow.getByTestId("audit-changes")).toHaveText("to: +15551230001 → +15551230000");
  await expect(auditRow).toContainText("Audit Dental");
  await expect(auditRow.getByRole("link", { name: /message/ })).toHaveAttribute("href", `/messages?q=${encodeURIComponent(dead.id)}`);
  await page.screenshot({ path: `${SCREENSHOTS}/audit.png`, fullPage: true });

  // The action filter: nothing was cancelled.
  await page.getByTestId("audit-action").selectOption("message.cancel");
  await expect(page).toHaveURL(/action=message.cancel/);
  await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
});
