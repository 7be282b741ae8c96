// The client editor's WhatsApp templates: map a kind to its Content SID and placeholders,
// save, reload shows it (and the API has it); a malformed SID or an unknown variable is
// refused at its field; choosing WhatsApp for a follow-up kind is saved with the rules.
import { expect, test } from "@playwright/test";
import { logIn, ADMIN, SCREENSHOTS, createClient } from "./console-helpers";

const SID = "HX0123456789abcdef0123456789abcdef";

test("WhatsApp templates: add, refuse a bad SID and an unknown variable, save, reload; follow-ups by WhatsApp", async ({ page, request }) => {
  const client = await createClient(request, "WhatsApp Dental");
  await logIn(page, `/clients/${client.id}`);
  const section = page.getByTestId("section-whatsapp");
  await expect(section.getByTestId("whatsapp-no-sender")).toBeVisible();

  await section.getByRole("button", { name: "Add a template" }).click();
  const row = section.getByTestId("whatsapp-template-row");
  await row.getByLabel("Kind").fill("confirmation");
  await row.getByLabel("Content SID").fill("SM123");
  await row.getByLabel("Placeholders").fill("1 = {{customerName}}");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByTestId("save-problem")).toContainText("Some fields need fixing");
  await expect(row.getByTestId("field-error")).toHaveText([/a Twilio Content SID: HX and 32 hex digits/]);
  await row.getByLabel("Content SID").fill(SID);
  await row.getByLabel("Placeholders").fill("1 = {{customerName}}\n2 = {{shoeSize}}");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(row.getByTestId("field-error")).toHaveText([/unknown variable\(s\): shoeSize/]);
  await page.screenshot({ path: `${SCREENSHOTS}/client-whatsapp-error.png`, fullPage: false });

  await row.getByLabel("Content SID").fill(SID);
  await row.getByLabel("Placeholders").fill("1 = {{customerName}}\n2 = {{appointmentTime}}");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByTestId("saved")).toBeVisible();
  const res = await request.get(`/api/clients/${client.id}`, { headers: ADMIN });
  expect((await res.json()).client.settings.whatsappTemplates).toEqual({ confirmation: { contentSid: SID, variables: { "1": "{{customerName}}", "2": "{{appointmentTime}}" } } });

  const rules = page.getByTestId("section-rules");
  await rules.getByLabel("Reminders by").selectOption("whatsapp");
  await rules.getByRole("button", { name: "Save" }).click();
  await expect(rules.getByTestId("saved")).toBeVisible();
  const after = await (await request.get(`/api/clients/${client.id}`, { headers: ADMIN })).json();
  expect(after.client.settings.followUps.channels).toEqual({ confirmation: "sms", reminder: "whatsapp", nurture: "sms", missedCall: "sms" });
  expect(after.client.settings.followUps.whatsappSmsFallback).toBe(true);
  expect(after.client.settings.whatsappTemplates.confirmation.contentSid).toBe(SID);

  await page.reload();
  const again = page.getByTestId("section-whatsapp");
  await expect(again.getByLabel("Kind")).toHaveValue("confirmation");
  await expect(again.getByLabel("Content SID")).toHaveValue(SID);
  await expect(again.getByLabel("Placeholders")).toHaveValue("1 = {{customerName}}\n2 = {{appointmentTime}}");
  await expect(page.getByTestId("section-rules").getByLabel("Reminders by")).toHaveValue("whatsapp");
  await again.scrollIntoViewIfNeeded();
  await again.screenshot({ path: `${SCREENSHOTS}/client-whatsapp.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await again.screenshot({ path: `${SCREENSHOTS}/client-whatsapp-dark.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("follow-up-channels").screenshot({ path: `${SCREENSHOTS}/client-follow-up-channels-phone-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });
  await again.screenshot({ path: `${SCREENSHOTS}/client-whatsapp-phone.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Removing the row removes the mapping.
  await again.getByRole("button", { name: "Remove" }).click();
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again.getByTestId("saved")).toBeVisible();
  expect((await (await request.get(`/api/clients/${client.id}`, { headers: ADMIN })).json()).client.settings.whatsappTemplates).toEqual({});
});
