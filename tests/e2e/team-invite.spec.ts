// A team in Chromium: the owner invites an agent for one client on /users, the agent opens
// the link, picks a name and password and lands in the console seeing only that client;
// they sign in again by email, edit and retry a dead letter; the owner reads it on /audit
// with its before → after, then ends the agent's sessions and their next request is refused.
// Bad input in every form gets words at the field, never a 500.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, SCREENSHOTS, createClient, enqueue, logIn, row, waitForStatus } from "./console-helpers";

const stamp = Date.now();
const EMAIL = `rosa.${stamp}@example.com`;
const PASSWORD = "rosas-own-password-42";

/** Every answer of 500 or more the page gets, to assert there were none. */
function serverErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on("response", (res) => void (res.status() >= 500 && seen.push(`${res.status()} ${res.request().method()} ${res.url()}`)));
  return seen;
}

test("an invited agent signs up from the link, sees one client, retries; the owner audits and signs them out", async ({ page, browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const mine = await createClient(request, `Rosa's Dental ${stamp}`);
  const other = await createClient(request, `Not Rosa's Clinic ${stamp}`);
  const dead = await enqueue(request, { clientId: mine.id, to: "+15551240001", body: "Your crown fitting is on Monday." });
  const theirs = await enqueue(request, { clientId: other.id, to: "+15551240002", body: "Another clinic's reminder" });
  await waitForStatus(request, dead.id, "dead_letter");
  const ownerErrors = serverErrors(page);

  // The owner invites; a bad email is refused at its field first.
  await logIn(page, "/users");
  const form = page.getByTestId("invite-form");
  await form.getByTestId("invite-email").fill("rosa at example");
  await form.getByTestId("invite-submit").click();
  await expect(form.getByText(/enter an email address/)).toBeVisible();
  await form.getByTestId("invite-email").fill(EMAIL);
  await form.getByTestId("invite-name").fill("Rosa");
  await form.getByTestId("invite-role").selectOption("agent");
  await form.getByTestId("invite-client").selectOption(mine.id);
  await form.getByTestId("invite-submit").click();
  const url = await page.getByTestId("invite-url").inputValue();
  expect(url).toMatch(new RegExp(`^${baseURL}/invite/[\\w-]{40,}$`));
  await expect(page.getByTestId("invite-row").filter({ hasText: EMAIL })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/users-invited.png`, fullPage: true });

  // A second invite for someone already on the team is refused with words, not a 500.
  await page.getByRole("button", { name: "Invite someone else" }).click();
  await form.getByTestId("invite-email").fill("admin@herald.local");
  await form.getByTestId("invite-role").selectOption("viewer");
  await form.getByTestId("invite-submit").click();
  await expect(form.getByText("already a user")).toBeVisible();

  // The agent, in a browser of their own, accepts: a short password is refused, then they are in.
  const agentContext = await browser.newContext({ baseURL });
  const agent = await agentContext.newPage();
  const agentErrors = serverErrors(agent);
  await agent.goto(url);
  const accept = agent.getByTestId("accept-form");
  await expect(accept.getByTestId("accept-email")).toHaveText(EMAIL);
  await expect(accept.getByTestId("accept-client")).toHaveText(mine.name);
  await expect(accept.getByLabel("Your name")).toHaveValue("Rosa");
  await accept.getByLabel("Your name").fill("Rosa Díaz");
  await accept.getByLabel("Password", { exact: true }).fill("short");
  await accept.getByLabel("Confirm password").fill("short");
  await accept.getByRole("button", { name: /accept|join|create/i }).click();
  await expect(accept.getByText(/at least 12 characters/).first()).toBeVisible();
  await agent.screenshot({ path: `${SCREENSHOTS}/invite-accept.png`, fullPage: true });
  await accept.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await accept.getByLabel("Confirm password").fill(PASSWORD);
  await accept.getByRole("button", { name: /accept|join|create/i }).click();
  await agent.waitForURL((u) => u.pathname === "/");
  await expect(agent.getByTestId("signed-in-as")).toContainText("Rosa Díaz");
  await expect(agent.getByTestId("signed-in-as")).toContainText("Agent");
  await expect(agent.getByTestId("client-filter")).toHaveCount(0);
  await expect(agent.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  // The link worked once.
  await agent.goto(url);
  await expect(agent.getByTestId("invite-invalid")).toBeVisible();

  // They log out, and sign in again with their email and password.
  await agent.goto("/");
  await agent.getByRole("button", { name: "Log out" }).click();
  await agent.waitForURL((u) => u.pathname === "/login");
  await agent.goto("/login?next=/messages");
  await agent.getByLabel("Email").fill(EMAIL);
  await agent.getByLabel("Password").fill("not-rosas-password");
  await agent.getByRole("button", { name: "Sign in" }).click();
  await expect(agent.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await agent.getByLabel("Password").fill(PASSWORD);
  await agent.getByRole("button", { name: "Sign in" }).click();
  await agent.waitForURL((u) => u.pathname === "/messages");
  await expect(agent.locator(`[data-message-id="${theirs.id}"]`)).toHaveCount(0);

  // The agent edits and retries their client's dead letter.
  await agent.goto(`/messages?tab=dead_letter`);
  await row(agent, dead.id).focus();
  await agent.keyboard.press("Enter");
  await agent.getByTestId("message-detail").getByRole("button", { name: "Edit and retry" }).click();
  const edit = agent.getByTestId("retry-edit-form");
  await edit.getByLabel("Recipient").fill("+15551240000");
  await edit.getByRole("button", { name: "Save and retry" }).click();
  await waitForStatus(request, dead.id, "delivered");

  // The owner sees who did it, the before → after, and who joined.
  await page.goto(`/audit?clientId=${mine.id}`);
  const retried = page.getByTestId("audit-row").filter({ hasText: "Edited and retried" });
  await expect(retried).toContainText("Rosa Díaz");
  await expect(retried.getByTestId("audit-changes")).toHaveText("to: +15551240001 → +15551240000");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Accepted an invite" })).toContainText("Rosa Díaz");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Invited a user" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/audit-team.png`, fullPage: true });

  // The owner ends Rosa's sessions: her next request is refused and her console goes to the login.
  await page.goto("/users");
  const rosa = page.locator(`[data-testid="user-row"][data-email="${EMAIL}"]`);
  await expect(rosa).toContainText(mine.name);
  await expect(rosa.getByTestId("user-sessions")).toContainText("1");
  await page.screenshot({ path: `${SCREENSHOTS}/users.png`, fullPage: true });
  await rosa.getByTestId("user-end-sessions").click();
  await expect(rosa.getByTestId("sessions-ended")).toContainText("1");
  expect((await agent.request.get("/api/auth/me")).status()).toBe(401);
  await agent.goto("/messages");
  await expect(agent).toHaveURL(/\/login/);

  // She lost her password: the owner sets one (a short one is refused at the field), and it works.
  const reset = rosa.getByRole("form", { name: `Reset the password of ${EMAIL}` });
  await reset.getByTestId("user-reset-password").click();
  await reset.getByLabel("New password").fill("short");
  await reset.getByTestId("user-reset-password").click();
  await expect(reset.getByText("at least 12 characters")).toBeVisible();
  await reset.getByLabel("New password").fill("rosas-reset-password");
  await reset.getByTestId("user-reset-password").click();
  await expect(reset.getByTestId("password-reset-done")).toHaveText("Password set; 0 sessions ended.");
  const relogin = await agent.request.post("/api/auth/login", { headers: { Origin: baseURL! }, data: { email: EMAIL, password: "rosas-reset-password" } });
  expect(relogin.status()).toBe(200);

  const audit = await (await request.get(`/api/audit?action=user.sessions_end`, { headers: ADMIN })).json();
  expect(audit.entries[0].changes).toEqual({ endedSessions: [null, 1] });
  expect(ownerErrors, "the owner's pages got no 5xx").toEqual([]);
  expect(agentErrors, "the agent's pages got no 5xx").toEqual([]);
  await agentContext.close();
});

test("on /account a user changes their password (a wrong current one is refused at its field) and signs out elsewhere", async ({ page, browser, baseURL }) => {
  // A viewer of its own, so the owner's password (the other specs' login) stays as it is.
  const email = `kim.${stamp}@example.com`;
  const ownerApi = await browser.newContext({ baseURL });
  const owner = await ownerApi.newPage();
  await logIn(owner, "/users");
  const invited = await owner.request.post("/api/users/invite", { headers: { Origin: baseURL! }, data: { email, role: "viewer" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const token = new URL((await invited.json()).url).pathname.split("/").pop()!;
  const accepted = await page.request.post("/api/auth/accept-invite", { headers: { Origin: baseURL! }, data: { token, name: "Kim", password: "kims-first-password" } });
  expect(accepted.status()).toBe(201);
  // A second browser of Kim's.
  const laptop = await browser.newContext({ baseURL });
  const login = await laptop.request.post("/api/auth/login", { headers: { Origin: baseURL! }, data: { email, password: "kims-first-password" } });
  expect(login.status()).toBe(200);

  const errors = serverErrors(page);
  await page.goto("/account");
  await expect(page.getByTestId("account-page")).toContainText(email);
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  const change = page.getByTestId("change-password-form");
  await change.getByLabel("Current password").fill("not-kims-password");
  await change.getByLabel("New password", { exact: true }).fill("kims-second-password");
  await change.getByLabel("Confirm new password").fill("kims-second-password");
  await change.getByRole("button", { name: /change password/i }).click();
  await expect(change.getByText("not your current password")).toBeVisible();
  await change.getByLabel("Current password").fill("kims-first-password");
  await change.getByRole("button", { name: /change password/i }).click();
  await expect(page.getByTestId("password-changed")).toContainText("1");
  expect((await laptop.request.get("/api/auth/me")).status(), "the other browser is signed out").toBe(401);
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/account.png`, fullPage: true });
  expect((await page.request.get("/api/auth/me")).status(), "this browser stays in").toBe(200);
  expect(errors).toEqual([]);
  await laptop.close();
  await ownerApi.close();
});
