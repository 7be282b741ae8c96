// The Clients pages: create a tenant and see its key once; edit hours and templates with a live
// preview; the server's refusal of an unknown template variable shows at the field; rotate the key.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { logIn, ADMIN, SCREENSHOTS } from "./console-helpers";



async function getClient(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/clients/${id}`, { headers: ADMIN });
  expect(res.status()).toBe(200);
  return (await res.json()).client;
}

test("a client created in the form shows its API key once, and the key works", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await logIn(page, "/clients");
  await page.getByRole("button", { name: "New client" }).click();
  const form = page.getByRole("form", { name: "New client" });

  // Checked in the browser with the API's schema: nothing is sent until it passes.
  await form.getByLabel("Name").fill("");
  await form.getByLabel("Timezone").fill("Mars/Olympus_Mons");
  await form.getByRole("button", { name: "Create client" }).click();
  await expect(form.getByTestId("field-error")).toHaveCount(2);
  await expect(form.getByLabel("Timezone")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("unknown IANA timezone");

  const name = `Form Clinic ${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Timezone").fill("Europe/Berlin");
  await form.getByRole("button", { name: "Create client" }).click();

  const reveal = page.getByTestId("api-key-reveal");
  await expect(reveal).toContainText("it will not be shown again");
  const apiKey = await page.getByTestId("api-key").inputValue();
  expect(apiKey).toMatch(/^hk_/);
  await reveal.getByRole("button", { name: "Copy" }).click();
  await expect(reveal).toContainText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);
  await page.screenshot({ path: `${SCREENSHOTS}/clients-new-key.png`, fullPage: true });

  const own = await request.get("/api/clients", { headers: { Authorization: `Bearer ${apiKey}` } });
  expect(own.status()).toBe(200);
  expect((await own.json()).clients.map((c: { name: string }) => c.name)).toEqual([name]);

  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(page.getByTestId("api-key-reveal")).toHaveCount(0);
  const row = page.getByTestId("client-row").filter({ hasText: name });
  await expect(row).toContainText("Europe/Berlin");
  await expect(row).toContainText("Mon–Fri 09:00–17:00");
  expect(await page.content()).not.toContain(apiKey);
  await page.reload();
  await expect(page.getByTestId("client-row").filter({ hasText: name })).toBeVisible();
  expect(await page.content()).not.toContain(apiKey);
  await page.screenshot({ path: `${SCREENSHOTS}/clients.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/clients-phone.png`, fullPage: true });
});

test("edit business hours and a template with a live preview; an unknown variable is refused at the field", async ({ page, request }) => {
  const created = await request.post("/api/clients", { headers: ADMIN, data: { name: "Preview Dental", timezone: "America/New_York" } });
  expect(created.status()).toBe(201);
  const { client } = await created.json();
  await logIn(page, `/clients/${client.id}`);
  await expect(page.getByRole("heading", { name: "Preview Dental" })).toBeVisible();

  // Business hours: a lunch break on Monday, Friday closed, Saturday morning open.
  const hours = page.getByTestId("section-hours");
  await hours.getByLabel("Monday, window 1 closes").fill("12:00");
  await hours.getByRole("button", { name: "Add a window on Monday" }).click();
  await hours.getByLabel("Monday, window 2 opens").fill("13:00");
  await hours.getByLabel("Monday, window 2 closes").fill("17:30");
  await hours.getByRole("checkbox", { name: "Friday" }).uncheck();
  await hours.getByRole("checkbox", { name: "Saturday" }).check();
  await hours.getByLabel("Saturday, window 1 closes").fill("08:00");
  await hours.getByRole("button", { name: "Save" }).click();
  await expect(hours.getByTestId("field-error")).toHaveText("open must be before close");
  await expect(hours.getByTestId("saved")).toHaveCount(0);
  await hours.getByLabel("Saturday, window 1 closes").fill("12:00");
  await hours.getByRole("button", { name: "Save" }).click();
  await expect(hours.getByTestId("saved")).toBeVisible();
  expect((await getClient(request, client.id)).businessHours).toMatchObject({
    mon: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "17:30" }],
    fri: [],
    sat: [{ open: "09:00", close: "12:00" }],
  });

  // Templates: the preview follows the draft as it is typed.
  const templates = page.getByTestId("section-templates");
  await expect(templates.getByTestId("template-source")).toContainText("Herald's default");
  await expect(templates.getByTestId("preview-body")).toContainText("Hi Alex Sample, your appointment with Preview Dental is confirmed");
  const body = templates.getByLabel("Message");
  await body.fill("See you soon, {{customerName}}! {{businessName}} at {{appointmentTime}}.");
  await expect(templates.getByTestId("preview-body")).toHaveText(/^See you soon, Alex Sample! Preview Dental at .+ at 10:00 AM .+\.$/);
  await expect(templates.getByTestId("template-source")).toContainText("the client's own text");
  await templates.getByRole("button", { name: "Save templates" }).click();
  await expect(templates.getByTestId("saved")).toBeVisible();
  expect((await getClient(request, client.id)).settings.templates["confirmation.sms"].body).toBe("See you soon, {{customerName}}! {{businessName}} at {{appointmentTime}}.");

  // The email template has a subject; its preview shows both.
  await templates.getByRole("button", { name: /^Email/ }).click();
  await expect(templates.getByTestId("preview-subject")).toHaveText("Your appointment with Preview Dental is confirmed");
  await templates.getByLabel("Subject").fill("Booked: {{businessName}}");
  await expect(templates.getByTestId("preview-subject")).toHaveText("Booked: Preview Dental");
  await templates.getByRole("button", { name: /^SMS/ }).click();
  await page.screenshot({ path: `${SCREENSHOTS}/client-edit.png`, fullPage: true });

  // An unknown variable: the preview cannot render it, and the save is refused by the server at the field.
  await body.fill("Hello {{custName}}, see you at {{appointmentTime}}.");
  await expect(templates.getByTestId("preview-error")).toContainText("custName");
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/clients/${client.id}`) && r.request().method() === "PATCH");
  await templates.getByRole("button", { name: "Save templates" }).click();
  const refused = await answer;
  expect(refused.status()).toBe(400);
  const detail = (await refused.json()).error.details.find((d: { path: string }) => d.path === "settings.templates.confirmation.sms");
  expect(detail.message).toContain("custName");
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(templates.locator("#template-body-error")).toHaveText(detail.message);
  await expect(templates.getByTestId("save-problem")).toContainText("Not saved");
  expect((await getClient(request, client.id)).settings.templates["confirmation.sms"].body).not.toContain("custName");
  await body.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/client-edit-error.png`, fullPage: true });

  // Declared as a custom variable, the same text is accepted.
  await templates.getByLabel("Custom variables").fill("custName");
  await expect(templates.getByTestId("preview-body")).toContainText("Hello [custName]");
  await templates.getByRole("button", { name: "Save templates" }).click();
  await expect(templates.getByTestId("saved")).toBeVisible();
  await expect(body).not.toHaveAttribute("aria-invalid", "true");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SCREENSHOTS}/client-edit-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/client-edit-phone.png`, fullPage: true });
  await hours.screenshot({ path: `${SCREENSHOTS}/client-edit-phone-hours.png` });
  await templates.screenshot({ path: `${SCREENSHOTS}/client-edit-phone-templates.png` });
});

test("rotating the key asks first, shows the new key once, and the old key stops working", async ({ page, request }) => {
  const created = await request.post("/api/clients", { headers: ADMIN, data: { name: "Rotate Clinic", timezone: "Asia/Tokyo" } });
  const { client, apiKey: oldKey } = await created.json();
  await logIn(page, `/clients/${client.id}`);
  const section = page.getByTestId("section-api-key");
  await expect(section).toContainText(`${oldKey.slice(0, 8)}…`);

  await section.getByRole("button", { name: "Rotate API key…" }).click();
  await expect(section.getByRole("alertdialog")).toContainText("stops working immediately");
  await section.getByRole("button", { name: "Cancel" }).click();
  expect((await request.get("/api/clients", { headers: { Authorization: `Bearer ${oldKey}` } })).status()).toBe(200);

  await section.getByRole("button", { name: "Rotate API key…" }).click();
  await section.getByRole("button", { name: "Rotate key" }).click();
  const newKey = await section.getByTestId("api-key").inputValue();
  expect(newKey).toMatch(/^hk_/);
  expect(newKey).not.toBe(oldKey);
  await expect(section).toContainText(`${newKey.slice(0, 8)}…`);
  expect((await request.get("/api/clients", { headers: { Authorization: `Bearer ${oldKey}` } })).status()).toBe(401);
  expect((await request.get("/api/clients", { headers: { Authorization: `Bearer ${newKey}` } })).status()).toBe(200);
  await section.getByRole("button", { name: "I have saved it" }).click();
  await expect(section.getByTestId("api-key")).toHaveCount(0);
});

test("an unknown client id shows a friendly not-found page", async ({ page }) => {
  await logIn(page, "/clients/cl_nobody");
  await expect(page.getByTestId("client-not-found")).toContainText("Client not found");
});
