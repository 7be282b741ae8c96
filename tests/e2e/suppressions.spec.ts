// The Suppressions page against a real server: an admin lists, adds (with why) and lifts
// (with why) an opt-out, and the audit line names who and why; the API keeps a client key
// to its own client and answers bad input with the error body.
import { expect, test } from "@playwright/test";
import { ADMIN, SCREENSHOTS, createClient, logIn } from "./console-helpers";

test("the Suppressions page lists, adds and lifts, with the audit line", async ({ page, request }) => {
  const client = await createClient(request, "Suppressions Dental");
  const seeded = await request.post("/api/suppressions", { headers: ADMIN, data: { clientId: client.id, address: "+12125550141", channel: "sms", reason: "asked on the phone" } });
  expect(seeded.status(), await seeded.text()).toBe(201);

  await logIn(page, `/suppressions?clientId=${client.id}`);
  const rows = page.getByTestId("suppression-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("+12125550141");
  await expect(rows.first().getByTestId("audit-line")).toHaveText(/^Added by admin \(API key\): asked on the phone · /);

  // Add one from the console.
  const form = page.getByRole("form", { name: "Suppress an address" });
  await form.getByLabel("Client").selectOption(client.id);
  await form.getByLabel("Phone or email").fill("pat@example.com");
  await form.getByLabel("Channel").selectOption("email");
  await form.getByLabel("Why").fill("complained about the newsletter");
  await form.getByRole("button", { name: "Suppress" }).click();
  await expect(rows).toHaveCount(2);
  const pat = rows.filter({ hasText: "pat@example.com" });
  await expect(pat.getByTestId("audit-line")).toHaveText(/^Added by Owner \(console\): complained about the newsletter · /);

  // Search narrows the list.
  await page.getByLabel("Search").fill("pat@");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("Search").fill("");
  await expect(rows).toHaveCount(2);
  await page.screenshot({ path: `${SCREENSHOTS}/suppressions.png`, fullPage: true });

  // Lift the phone number, saying why.
  const phone = rows.filter({ hasText: "+12125550141" });
  await phone.getByRole("button", { name: "Lift +12125550141" }).click();
  await phone.getByLabel("Why lift +12125550141").fill("asked to be texted again");
  await phone.getByRole("button", { name: "Confirm lift" }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("history-line").first()).toContainText("Lifted by Owner (console): asked to be texted again");
  await page.screenshot({ path: `${SCREENSHOTS}/suppressions-lifted.png`, fullPage: true });

  const after = (await (await request.get(`/api/suppressions?clientId=${client.id}`, { headers: ADMIN })).json()) as { items: { address: string }[]; history: { action: string; actor: string }[] };
  expect(after.items.map((s) => s.address)).toEqual(["pat@example.com"]);
  expect(after.history.map((h) => `${h.action} ${h.actor}`)).toEqual(["lifted Owner (console)", "added Owner (console)", "added admin (API key)"]);
});

test("/api/suppressions: a client key sees and changes only its own; bad input is a 400 body", async ({ request }) => {
  const mk = async (name: string) => {
    const res = await request.post("/api/clients", { headers: ADMIN, data: { name: `${name} ${Date.now()}`, timezone: "America/New_York" } });
    const body = (await res.json()) as { client: { id: string }; apiKey: string };
    return { id: body.client.id, auth: { Authorization: `Bearer ${body.apiKey}` } };
  };
  const a = await mk("Supp A");
  const b = await mk("Supp B");
  const own = await request.post("/api/suppressions", { headers: a.auth, data: { address: "+12125550142", reason: "test" } });
  expect(own.status()).toBe(201);
  expect((await request.post("/api/suppressions", { headers: a.auth, data: { clientId: b.id, address: "+12125550143", reason: "x" } })).status()).toBe(403);
  expect((await request.get(`/api/suppressions?clientId=${b.id}`, { headers: a.auth })).status()).toBe(403);
  const mine = (await (await request.get("/api/suppressions", { headers: a.auth })).json()) as { items: { clientId: string }[] };
  expect(mine.items.every((s) => s.clientId === a.id)).toBe(true);
  const bad = await request.post("/api/suppressions", { headers: ADMIN, data: { clientId: a.id, address: "not a number", reason: "" } });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: { code: string; details: { path: string }[] } };
  expect(body.error.code).toBe("VALIDATION_FAILED");
  expect(body.error.details.map((d) => d.path).sort()).toEqual(["address", "reason"]);
  const id = ((await own.json()) as { suppression: { id: string } }).suppression.id;
  expect((await request.delete("/api/suppressions", { headers: b.auth, data: { id, reason: "not mine" } })).status()).toBe(403);
  expect((await request.delete("/api/suppressions", { headers: a.auth, data: { id, reason: "asked" } })).status()).toBe(200);
  expect((await request.delete("/api/suppressions", { headers: a.auth, data: { id, reason: "again" } })).status()).toBe(404);
  expect((await request.get("/api/suppressions")).status()).toBe(401);
});
