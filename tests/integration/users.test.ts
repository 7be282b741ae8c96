// The team through the real route handlers, on SQLite and PostgreSQL: an owner invites
// someone (the link is emailed through a real SMTP receiver), the link works once and signs
// them in with the role and client chosen; an owner changes roles, deactivates, resets
// passwords and ends sessions, never leaving Herald without an active owner; a user changes
// their own password and signs out elsewhere. Only owners manage users; each change is audited.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { resetConfig } from "../../lib/config";
import { getContext } from "../../lib/context";
import { getErrorLogger } from "../../lib/errorlog/log-error";
import { resolvePrincipal } from "../../lib/auth/principal";
import { createSession } from "../../lib/auth/sessions";
import { SESSION_COOKIE, formatSessionToken } from "../../lib/auth/session";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { CLIENT_ADDRESS_HEADER } from "../../lib/http/client-address";
import { newId } from "../../lib/ids";
import { findPendingInvite } from "../../lib/users/invites";
import { GET as usersGet } from "../../app/api/users/route";
import { POST as invitePost } from "../../app/api/users/invite/route";
import { DELETE as inviteDelete } from "../../app/api/users/invites/[id]/route";
import { PATCH as userPatch } from "../../app/api/users/[id]/route";
import { POST as resetPost } from "../../app/api/users/[id]/password/route";
import { DELETE as userSessionsDelete, GET as userSessionsGet } from "../../app/api/users/[id]/sessions/route";
import { POST as acceptPost } from "../../app/api/auth/accept-invite/route";
import { POST as passwordPost } from "../../app/api/auth/password/route";
import { DELETE as mySessionsDelete } from "../../app/api/auth/sessions/route";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";
import { startSmtpDouble, type SmtpDouble } from "../helpers/doubles/smtp-double";

const PUBLIC_URL = "https://herald.example.com";
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

for (const dialect of DIALECTS) {
  describe(`users on ${dialect}`, () => {
    let t: TestDatabase;
    let smtp: SmtpDouble;
    let clientId: string;
    let ownerId: string;
    let owner: string; // the owner's cookie
    let admin: string; // an admin's cookie

    async function call(handler: Handler, method: string, path: string, opts: { cookie?: string; body?: unknown; params?: Record<string, string>; address?: string } = {}) {
      const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: opts.address ?? "203.0.113.9", origin: PUBLIC_URL };
      if (opts.cookie) headers.cookie = opts.cookie;
      if (opts.body !== undefined || method !== "GET") headers["content-type"] = "application/json";
      const res = await handler(new Request(`${PUBLIC_URL}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }), { params: Promise.resolve(opts.params ?? {}) });
      return { status: res.status, body: (await res.json()) as any, cookie: res.headers.get("set-cookie") };
    }
    async function makeUser(name: string, role: string, scope: string | null = null) {
      const user = await t.db.user.create({ data: { id: newId("usr"), email: `${name.toLowerCase()}@example.com`, name, role, clientId: scope, passwordHash: await hashPassword("a-long-enough-password") } });
      return { id: user.id, cookie: await cookieFor(user.id) };
    }
    const cookieFor = async (userId: string) => `${SESSION_COOKIE}=${formatSessionToken(await createSession(t.db, userId, {}))}`;
    const live = async (cookie: string) => (await resolvePrincipal(t.db, { cookie })) !== null;
    const audited = (action: string) => t.db.auditEntry.findMany({ where: { action }, orderBy: { at: "asc" } });
    async function invite(body: Record<string, unknown>) {
      const res = await call(invitePost as Handler, "POST", "/api/users/invite", { cookie: owner, body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return { ...res.body, token: decodeURIComponent(new URL(res.body.url).pathname.split("/").pop()!) };
    }

    before(async () => {
      t = await createTestDatabase(dialect);
      smtp = await startSmtpDouble();
      await getContext().close();
      Object.assign(process.env, { DATABASE_URL: t.url, PUBLIC_URL, SMTP_URL: smtp.url, EMAIL_FROM: "herald@example.com", SESSION_SECRET: "users-test-secret-0123456789" });
      resetConfig();
      clientId = (await makeClient(t.db)).client.id;
      ({ id: ownerId, cookie: owner } = await makeUser("Olga", "owner"));
      ({ cookie: admin } = await makeUser("Adam", "admin"));
    });
    after(async () => {
      await getErrorLogger().flush();
      await getContext().close();
      await smtp.close();
      await t.destroy();
      delete process.env.SMTP_URL;
      delete process.env.EMAIL_FROM;
      resetConfig();
    });

    test("an invite is emailed with its link, which works once and signs the new agent in to their one client", async () => {
      const sent = await invite({ email: " Rosa@Example.com ", name: "Rosa", role: "agent", clientId });
      assert.equal(sent.emailed, true);
      assert.equal(sent.invite.email, "rosa@example.com");
      assert.equal(sent.invite.clientName, "Bright Smile Dental");
      assert.match(sent.url, /^https:\/\/herald\.example\.com\/invite\/[\w-]{40,}$/);
      const mail = smtp.received.find((m) => m.to.includes("rosa@example.com"));
      assert.ok(mail, "the invite reached the SMTP receiver");
      assert.ok(mail.raw.replace(/=\r?\n/g, "").includes(sent.token), "the email carries the link");
      assert.deepEqual(Object.keys(sent.invite).sort(), ["clientId", "clientName", "createdAt", "email", "expiresAt", "id", "invitedBy", "name", "role"], "no hash or bookkeeping in the answer");
      const stored = await t.db.invite.findUniqueOrThrow({ where: { id: sent.invite.id } });
      assert.ok(!JSON.stringify(stored).includes(sent.token), "only the token's hash is stored");
      assert.equal((await findPendingInvite(t.db, sent.token))?.email, "rosa@example.com");

      const short = await call(acceptPost as Handler, "POST", "/api/auth/accept-invite", { body: { token: sent.token, name: "Rosa", password: "short" } });
      assert.equal(short.status, 400);
      assert.equal(short.body.error.details[0].path, "password");
      const accepted = await call(acceptPost as Handler, "POST", "/api/auth/accept-invite", { body: { token: sent.token, name: "Rosa R.", password: "rosas-own-password" } });
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
      const cookie = accepted.cookie!.split(";")[0]!;
      assert.deepEqual(await resolvePrincipal(t.db, { cookie }), { kind: "user", userId: accepted.body.user.id, sessionId: cookie.split("=")[1]!.split(".")[0], name: "Rosa R.", email: "rosa@example.com", role: "agent", clientId });
      const again = await call(acceptPost as Handler, "POST", "/api/auth/accept-invite", { body: { token: sent.token, name: "Mallory", password: "mallorys-password" } });
      assert.equal(again.status, 404, "the link works once");
      assert.equal(await findPendingInvite(t.db, sent.token), null);
      assert.equal((await audited("user.invite")).length, 1);
      assert.equal((await audited("user.accept"))[0]!.actorName, "Rosa R.");
    });

    test("a second invite replaces the first; a withdrawn or expired link and an existing user's email are refused", async () => {
      const first = await invite({ email: "vic@example.com", role: "viewer" });
      const second = await invite({ email: "vic@example.com", role: "viewer", clientId });
      assert.equal(await findPendingInvite(t.db, first.token), null, "the newer invite replaced it");
      const listed = await call(usersGet as Handler, "GET", "/api/users", { cookie: owner });
      assert.deepEqual(listed.body.invites.filter((i: any) => i.email === "vic@example.com").map((i: any) => i.id), [second.invite.id]);
      assert.equal(listed.body.invites[0].invitedBy, "Olga");
      assert.ok(!JSON.stringify(listed.body).includes("tokenHash"), "the list carries no token hash");
      assert.equal((await call(inviteDelete as Handler, "DELETE", "/x", { cookie: owner, params: { id: second.invite.id } })).status, 200);
      assert.equal((await call(inviteDelete as Handler, "DELETE", "/x", { cookie: owner, params: { id: second.invite.id } })).status, 404);
      assert.equal((await call(acceptPost as Handler, "POST", "/api/auth/accept-invite", { body: { token: second.token, name: "Vic", password: "vics-long-password" } })).status, 404);

      const stale = await invite({ email: "late@example.com", role: "viewer" });
      await t.db.invite.update({ where: { id: stale.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      assert.equal((await call(acceptPost as Handler, "POST", "/api/auth/accept-invite", { body: { token: stale.token, name: "Late", password: "lates-long-password" } })).status, 404);

      const taken = await call(invitePost as Handler, "POST", "/api/users/invite", { cookie: owner, body: { email: "ADAM@example.com", role: "viewer" } });
      assert.equal(taken.status, 409);
      const wrongScope = await call(invitePost as Handler, "POST", "/api/users/invite", { cookie: owner, body: { email: "x@example.com", role: "admin", clientId } });
      assert.equal(wrongScope.status, 400);
      assert.equal(wrongScope.body.error.details[0].path, "clientId");
      const noClient = await call(invitePost as Handler, "POST", "/api/users/invite", { cookie: owner, body: { email: "x@example.com", role: "agent", clientId: "cli_nope" } });
      assert.equal(noClient.status, 400);
      const badEmail = await call(invitePost as Handler, "POST", "/api/users/invite", { cookie: owner, body: { email: "not an email", role: "boss" } });
      assert.equal(badEmail.status, 400);
      assert.deepEqual(badEmail.body.error.details.map((d: any) => d.path).sort(), ["email", "role"]);
    });

    test("only owners manage users: an admin is refused every users route", async () => {
      assert.equal((await call(usersGet as Handler, "GET", "/api/users", { cookie: admin })).status, 403);
      assert.equal((await call(invitePost as Handler, "POST", "/api/users/invite", { cookie: admin, body: { email: "a@example.com", role: "owner" } })).status, 403);
      assert.equal((await call(userPatch as Handler, "PATCH", "/x", { cookie: admin, body: { role: "owner" }, params: { id: ownerId } })).status, 403);
      assert.equal((await call(usersGet as Handler, "GET", "/api/users")).status, 401);
    });

    test("a role change is audited with before/after and sends the user back to the login; the last owner cannot be demoted or deactivated", async () => {
      const sam = await makeUser("Sam", "agent", clientId);
      const changed = await call(userPatch as Handler, "PATCH", "/x", { cookie: owner, body: { role: "admin" }, params: { id: sam.id } });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.user.role, "admin");
      assert.equal(changed.body.user.clientId, null, "an admin sees every client");
      assert.equal(await live(sam.cookie), false, "their session ended with the change");
      const [row] = await audited("user.role");
      assert.deepEqual(JSON.parse(row!.changes!), { role: ["agent", "admin"], clientId: [clientId, null] });
      assert.equal(row!.actorName, "Olga");

      const demote = await call(userPatch as Handler, "PATCH", "/x", { cookie: owner, body: { role: "admin" }, params: { id: ownerId } });
      assert.equal(demote.status, 409);
      assert.match(demote.body.error.message, /without an active owner/);
      assert.equal((await call(userPatch as Handler, "PATCH", "/x", { cookie: owner, body: { active: false }, params: { id: ownerId } })).status, 409, "nobody deactivates themselves");
      assert.equal((await call(userPatch as Handler, "PATCH", "/x", { cookie: owner, body: {}, params: { id: ownerId } })).status, 400);
      assert.equal((await call(userPatch as Handler, "PATCH", "/x", { cookie: owner, body: { name: "X" }, params: { id: "usr_nobody" } })).status, 404);
    });

    test("two owners demoting each other at the same moment leave one owner, not none", async () => {
      for (let round = 0; round < 5; round++) {
        const a = await makeUser(`Ann${round}`, "owner");
        const b = await makeUser(`Ben${round}`, "owner");
        // Olga steps aside for the race: only Ann and Ben are active owners.
        await t.db.user.update({ where: { id: ownerId }, data: { role: "admin" } });
        const answers = await Promise.all([
          call(userPatch as Handler, "PATCH", "/x", { cookie: a.cookie, body: { role: "admin" }, params: { id: b.id } }),
          call(userPatch as Handler, "PATCH", "/x", { cookie: b.cookie, body: { role: "admin" }, params: { id: a.id } }),
        ]);
        const owners = await t.db.user.count({ where: { role: "owner", deactivatedAt: null } });
        assert.equal(owners, 1, `round ${round}: ${answers.map((r) => r.status).join(", ")}`);
        assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
        await t.db.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { role: "viewer", deactivatedAt: new Date() } });
        await t.db.user.update({ where: { id: ownerId }, data: { role: "owner" } });
      }
    });

    test("deactivating ends every session and refuses the next login; reactivating lets them back in", async () => {
      const dee = await makeUser("Dee", "viewer", clientId);
      const other = await cookieFor(dee.id);
      const off = await call(userPatch as Handler, "PATCH", "/x", { cookie: owner, body: { active: false }, params: { id: dee.id } });
      assert.equal(off.status, 200);
      assert.equal(off.body.user.active, false);
      assert.equal(off.body.endedSessions, 2);
      assert.equal(await live(dee.cookie), false);
      assert.equal(await live(other), false);
      assert.equal(await live(await cookieFor(dee.id)), false, "a deactivated user's session is never honoured");
      const on = await call(userPatch as Handler, "PATCH", "/x", { cookie: owner, body: { active: true }, params: { id: dee.id } });
      assert.equal(on.body.user.active, true);
      assert.equal(await live(await cookieFor(dee.id)), true);
      assert.deepEqual((await audited("user.deactivate")).map((r) => JSON.parse(r.changes!)), [{ active: [true, false] }]);
      assert.equal((await audited("user.reactivate")).length, 1);
    });

    test("an owner resets a password and ends sessions; the user sees both in GET /api/users", async () => {
      const lee = await makeUser("Lee", "agent", clientId);
      const listed = await call(usersGet as Handler, "GET", "/api/users", { cookie: owner });
      const row = listed.body.users.find((u: any) => u.id === lee.id);
      assert.equal(row.liveSessions, 1);
      assert.equal(row.clientName, "Bright Smile Dental");
      assert.ok(row.lastSeenAt);
      assert.equal(listed.body.users.some((u: any) => "passwordHash" in u), false);
      assert.equal((await call(userSessionsGet as Handler, "GET", "/x", { cookie: owner, params: { id: lee.id } })).body.sessions.length, 1);

      const reset = await call(resetPost as Handler, "POST", "/x", { cookie: owner, body: { password: "a-brand-new-password" }, params: { id: lee.id } });
      assert.equal(reset.status, 200);
      assert.equal(reset.body.revoked, 1);
      assert.equal(await live(lee.cookie), false);
      assert.ok(await verifyPassword("a-brand-new-password", (await t.db.user.findUniqueOrThrow({ where: { id: lee.id } })).passwordHash));
      assert.equal((await call(resetPost as Handler, "POST", "/x", { cookie: owner, body: { password: "short" }, params: { id: lee.id } })).status, 400);

      const again = await cookieFor(lee.id);
      const ended = await call(userSessionsDelete as Handler, "DELETE", "/x", { cookie: owner, params: { id: lee.id } });
      assert.equal(ended.body.revoked, 1);
      assert.equal(await live(again), false);
      assert.equal((await audited("user.sessions_end")).length, 1);
    });

    test("a user changes their own password with the current one; their other sessions end, this one stays", async () => {
      const kim = await makeUser("Kim", "agent", clientId);
      const laptop = await cookieFor(kim.id);
      const wrong = await call(passwordPost as Handler, "POST", "/api/auth/password", { cookie: kim.cookie, body: { currentPassword: "not-it-at-all", newPassword: "kims-new-password" } });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.details[0].path, "currentPassword");
      const ok = await call(passwordPost as Handler, "POST", "/api/auth/password", { cookie: kim.cookie, body: { currentPassword: "a-long-enough-password", newPassword: "kims-new-password" } });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.revoked, 1);
      assert.equal(await live(kim.cookie), true);
      assert.equal(await live(laptop), false);

      // A stolen session cannot try passwords at will: wrong guesses share the login's budget per address.
      const thief = `198.51.100.${dialect === "sqlite" ? 1 : 2}`;
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push((await call(passwordPost as Handler, "POST", "/api/auth/password", { cookie: kim.cookie, address: thief, body: { currentPassword: `guess-${i}`, newPassword: "a-thiefs-new-password" } })).status);
      }
      assert.deepEqual(statuses, [...Array(10).fill(400), 429]);

      const phone = await cookieFor(kim.id);
      assert.equal((await call(mySessionsDelete as Handler, "DELETE", "/api/auth/sessions", { cookie: kim.cookie })).body.revoked, 1);
      assert.equal(await live(phone), false);
      assert.equal(await live(kim.cookie), true);
    });
  });
}
