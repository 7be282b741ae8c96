// Console users and their sessions on a real SQLite file and the real PostgreSQL: the first
// owner is made from ADMIN_EMAIL / ADMIN_PASSWORD, a login's cookie resolves to its user
// until it is revoked, idles out, expires, or the user is deactivated; an env-managed owner
// follows ADMIN_PASSWORD; the resolver every route, page and socket uses says the same.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { resolvePrincipal } from "../../lib/auth/principal";
import { SESSION_COOKIE, formatSessionToken, type SessionToken } from "../../lib/auth/session";
import { createSession, findLiveSession, listLiveSessions, revokeSession, revokeUserSessions, sessionLimits } from "../../lib/auth/sessions";
import { ensureOwner, firstOwner } from "../../lib/auth/owner";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { logIn } from "../../lib/auth/login";
import { resetConfig } from "../../lib/config";
import { newId } from "../../lib/ids";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";

const cookieOf = (token: SessionToken) => `other=1; ${SESSION_COOKIE}=${formatSessionToken(token)}`;

function useSecrets(password: string) {
  process.env.SESSION_SECRET = "sessions-test-secret-0123456789";
  process.env.ADMIN_PASSWORD = password;
  process.env.ADMIN_EMAIL = "Owner@Example.com";
  resetConfig();
}

test("passwords are scrypt hashes with their own salt, and only the right password matches", async () => {
  const a = await hashPassword("correct horse");
  const b = await hashPassword("correct horse");
  assert.match(a, /^scrypt\$32768\$8\$1\$/);
  assert.notEqual(a, b, "each hash has its own salt");
  assert.equal(await verifyPassword("correct horse", a), true);
  assert.equal(await verifyPassword("correct horsf", a), false);
  assert.equal(await verifyPassword("correct horse", "scrypt$9999999999$8$1$x$y"), false, "absurd parameters are refused, not run");
  assert.equal(await verifyPassword("correct horse", "plain"), false);
});

for (const dialect of DIALECTS) {
  describe(`users and sessions on ${dialect}`, () => {
    let t: TestDatabase;
    let ownerId: string;
    before(async () => {
      useSecrets("first-password");
      t = await createTestDatabase(dialect);
      await ensureOwner(t.db);
      ownerId = (await firstOwner(t.db))!.id;
    });
    after(async () => {
      await t.destroy();
      resetConfig();
    });

    test("the first owner comes from ADMIN_EMAIL and ADMIN_PASSWORD, once", async () => {
      await ensureOwner(t.db);
      const owners = await t.db.user.findMany({ where: { role: "owner" } });
      assert.equal(owners.length, 1);
      assert.equal(owners[0]!.email, "owner@example.com", "stored lower-cased");
      assert.ok(await verifyPassword("first-password", owners[0]!.passwordHash));
      assert.ok(!owners[0]!.passwordHash.includes("first-password"));
    });

    test("a session's cookie resolves to its user; a tampered secret or unknown id does not", async () => {
      const token = await createSession(t.db, ownerId, { address: "10.0.0.1", userAgent: "test" });
      assert.deepEqual(await resolvePrincipal(t.db, { cookie: cookieOf(token) }), {
        kind: "user", userId: ownerId, sessionId: token.id, name: "Owner", email: "owner@example.com", role: "owner", clientId: null,
      });
      const tampered = { ...token, secret: token.secret.replace(/^./, (c) => (c === "A" ? "B" : "A")) };
      assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf(tampered) }), null);
      assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf({ ...token, id: "ses_0000000000000000000000000000" }) }), null);
      assert.equal(await resolvePrincipal(t.db, { cookie: `${SESSION_COOKIE}=v1.9999999999999.signature` }), null);
      const stored = await t.db.session.findUniqueOrThrow({ where: { id: token.id } });
      assert.ok(!JSON.stringify(stored).includes(token.secret), "the secret itself is never stored");
    });

    test("revoking ends a session at once, and only that one; sign out everywhere ends the rest", async () => {
      const a = await createSession(t.db, ownerId, {});
      const b = await createSession(t.db, ownerId, {});
      const c = await createSession(t.db, ownerId, {});
      assert.equal(await revokeSession(t.db, a.id, ownerId), true);
      assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf(a) }), null);
      assert.ok(await resolvePrincipal(t.db, { cookie: cookieOf(b) }));
      assert.equal(await revokeSession(t.db, a.id, ownerId), false, "a second revoke finds no live session");
      const live = (await listLiveSessions(t.db, ownerId)).map((s) => s.id);
      assert.ok(live.includes(b.id) && !live.includes(a.id));
      assert.ok((await revokeUserSessions(t.db, ownerId, c.id)) >= 1);
      assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf(b) }), null);
      assert.ok(await resolvePrincipal(t.db, { cookie: cookieOf(c) }), "the one kept (this browser) still works");
    });

    test("a session ends after its idle timeout and after its absolute timeout", async () => {
      const { idleMs, maxMs } = sessionLimits();
      const token = await createSession(t.db, ownerId, {});
      assert.ok(await findLiveSession(t.db, token, new Date(Date.now() + idleMs - 60_000)));
      const idle = await createSession(t.db, ownerId, {});
      assert.equal(await findLiveSession(t.db, idle, new Date(Date.now() + idleMs + 61_000)), null, "idle too long");
      // Kept busy (touched every hour), it still ends at its absolute limit.
      const busy = await createSession(t.db, ownerId, {});
      await t.db.session.update({ where: { id: busy.id }, data: { lastSeenAt: new Date(Date.now() + maxMs) } });
      assert.equal(await findLiveSession(t.db, busy, new Date(Date.now() + maxMs + 1000)), null);
    });

    test("a deactivated user's sessions stop working", async () => {
      const user = await t.db.user.create({ data: { id: newId("usr"), email: `ana-${dialect}@example.com`, name: "Ana", role: "agent", clientId: "cli_x", passwordHash: await hashPassword("ana-password") } });
      const token = await createSession(t.db, user.id, {});
      const p = await resolvePrincipal(t.db, { cookie: cookieOf(token) });
      assert.equal(p?.kind === "user" && p.role, "agent");
      assert.equal(p?.kind === "user" && p.clientId, "cli_x");
      await t.db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
      assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf(token) }), null);
    });

    test("login by email or bare password; wrong ones answer 401 in the same time", async () => {
      const ok = await logIn(t.db, { email: "OWNER@example.com", password: "first-password", address: `login-${dialect}`, userAgent: null });
      assert.equal((await resolvePrincipal(t.db, { cookie: cookieOf(ok) }))?.kind, "user");
      const bare = await logIn(t.db, { password: "first-password", address: `login-${dialect}`, userAgent: null });
      assert.ok(await resolvePrincipal(t.db, { cookie: cookieOf(bare) }));
      const timings: number[] = [];
      for (const email of ["owner@example.com", "nobody@example.com"]) {
        const started = Date.now();
        await assert.rejects(logIn(t.db, { email, password: "wrong", address: `login-${dialect}`, userAgent: null }), /wrong email or password/);
        timings.push(Date.now() - started);
      }
      assert.ok(timings.every((ms) => ms >= 400), `every failure waits the floor: ${timings}`);
    });

    test("an env-managed owner follows a new ADMIN_PASSWORD, which ends their sessions; one set in the console does not", async () => {
      const token = await createSession(t.db, ownerId, {});
      useSecrets("second-password");
      try {
        await ensureOwnerAgain(t);
        assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf(token) }), null);
        assert.ok(await verifyPassword("second-password", (await firstOwner(t.db))!.passwordHash));
        await t.db.user.update({ where: { id: ownerId }, data: { passwordSource: "user", passwordHash: await hashPassword("my-own") } });
        useSecrets("third-password");
        await ensureOwnerAgain(t);
        assert.ok(await verifyPassword("my-own", (await firstOwner(t.db))!.passwordHash), "the console's password stands");
      } finally {
        await t.db.user.update({ where: { id: ownerId }, data: { passwordSource: "env" } });
        useSecrets("first-password");
        await ensureOwnerAgain(t);
      }
    });
  });
}

/** ensureOwner runs once per database object: a restart is a fresh one. */
async function ensureOwnerAgain(t: TestDatabase) {
  const { ensureOwner: again } = await import(`../../lib/auth/owner.ts?restart=${Math.random()}`);
  await again(t.db);
}
