// The client editor's Compliance section: edit quiet hours, STOP handling, reply texts, consent
// and caps; save; a reload shows what was saved (and the API has it); a bad value is refused
// at its field in words an operator reads, and nothing is saved.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { logIn, ADMIN, SCREENSHOTS, createClient } from "./console-helpers";

async function complianceOf(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/clients/${id}`, { headers: ADMIN });
  expect(res.status()).toBe(200);
  return (await res.json()).client.settings.compliance;
}

test("compliance settings: edit, save, reload shows them; an invalid value is refused at its field", async ({ page, request }) => {
  const client = await createClient(request, "Quiet Dental");
  await logIn(page, `/clients/${client.id}`);
  const section = page.getByTestId("section-compliance");

  // Defaults shown as placeholders, with the business name in them; the consent suggestion shows.
  await expect(section.getByLabel("Reply to STOP")).toHaveAttribute("placeholder", `You're unsubscribed from ${client.name}. No more messages. Reply START to resubscribe.`);
  await expect(section.getByTestId("consent-suggestion")).toContainText("Suggested: turn this on");

  await section.getByLabel("Not before").fill("09:00");
  await section.getByLabel("Not after").fill("20:00");
  await section.getByLabel("Also hold confirmations and reminders to quiet hours").check();
  await section.getByLabel(/The provider replies/).check();
  await section.getByLabel("Reply to HELP").fill("Quiet Dental: call +15550001111. Reply STOP to stop.");
  await section.getByLabel("Contact for HELP").fill("+15550001111");
  await section.getByLabel("Marketing only to customers with a consent on record").check();
  await expect(section.getByTestId("consent-suggestion")).toHaveCount(0);
  await section.getByLabel("Without a consent").selectOption("hold");
  await section.getByLabel("Per day").fill("2");
  await section.getByLabel("Per week").fill("5");
  await section.getByLabel("Over the cap").selectOption("cancel");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByTestId("saved")).toBeVisible();
  expect(await complianceOf(request, client.id)).toEqual({
    quietHoursCategories: ["transactional"],
    quietHours: { notBefore: "09:00", notAfter: "20:00" },
    providerHandlesOptOut: true,
    helpText: "Quiet Dental: call +15550001111. Reply STOP to stop.",
    contact: "+15550001111",
    marketingRequiresConsent: true,
    withoutConsent: "hold",
    frequencyCap: { perDay: 2, perWeek: 5, excess: "cancel" },
  });

  await page.reload();
  const again = page.getByTestId("section-compliance");
  await expect(again.getByLabel("Not before")).toHaveValue("09:00");
  await expect(again.getByLabel("Not after")).toHaveValue("20:00");
  await expect(again.getByLabel("Also hold confirmations and reminders to quiet hours")).toBeChecked();
  await expect(again.getByLabel(/The provider replies/)).toBeChecked();
  await expect(again.getByLabel("Reply to HELP")).toHaveValue("Quiet Dental: call +15550001111. Reply STOP to stop.");
  await expect(again.getByLabel("Reply to STOP")).toHaveValue("");
  await expect(again.getByLabel("Marketing only to customers with a consent on record")).toBeChecked();
  await expect(again.getByLabel("Without a consent")).toHaveValue("hold");
  await expect(again.getByLabel("Per day")).toHaveValue("2");
  await expect(again.getByLabel("Per week")).toHaveValue("5");
  await expect(again.getByLabel("Over the cap")).toHaveValue("cancel");
  await page.screenshot({ path: `${SCREENSHOTS}/client-compliance.png`, fullPage: true });

  // Invalid values: refused at their fields, in operator words, and nothing saved.
  await again.getByLabel("Not before").fill("8pm");
  await again.getByLabel("Per day").fill("-1");
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again.getByTestId("save-problem")).toContainText("Some fields need fixing");
  await expect(again.getByLabel("Not before")).toHaveAttribute("aria-invalid", "true");
  await expect(again.getByTestId("field-error")).toHaveText(["must be a 24-hour time such as 08:30", "must be at least 0"]);
  await again.getByLabel("Not before").fill("21:00");
  await again.getByLabel("Per day").fill("1");
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again.getByTestId("field-error")).toHaveText(["the earliest time must be before the latest"]);
  expect((await complianceOf(request, client.id)).quietHours).toEqual({ notBefore: "09:00", notAfter: "20:00" });
});
