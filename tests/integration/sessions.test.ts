// Console sessions on a real SQLite file and the real PostgreSQL: a login's cookie resolves to
// the owner until it is revoked, expires, or ADMIN_PASSWORD changes; the resolver every route,
// page and socket uses (resolvePrincipal) says the same.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { resolvePrincipal } from "../../lib/auth/principal";
import { SESSION_COOKIE, SESSION_TTL_MS, formatSessionToken, type SessionToken } from "../../lib/auth/session";
import { createSession, findLiveSession, listLiveSessions, revokeSession } from "../../lib/auth/sessions";
import { resetConfig } from "../../lib/config";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";

const cookieOf = (token: SessionToken) => `other=1; ${SESSION_COOKIE}=${formatSessionToken(token)}`;

function useSecrets(password: string) {
  process.env.SESSION_SECRET = "sessions-test-secret-0123456789";
  process.env.ADMIN_PASSWORD = password;
  resetConfig();
}

for (const dialect of DIALECTS) {
  describe(`sessions on ${dialect}`, () => {
    let t: TestDatabase;
    before(async () => {
      useSecrets("first-password");
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      await t.destroy();
      resetConfig();
    });

    test("a session's cookie resolves to the owner; a tampered secret or unknown id does not", async () => {
      const token = await createSession(t.db, { address: "10.0.0.1", userAgent: "test" });
      assert.deepEqual(await resolvePrincipal(t.db, { cookie: cookieOf(token) }), { kind: "admin", via: "session", sessionId: token.id, userId: null });
      const tampered = { ...token, secret: token.secret.replace(/^./, (c) => (c === "A" ? "B" : "A")) };
      assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf(tampered) }), null);
      assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf({ ...token, id: "ses_0000000000000000000000000000" }) }), null);
      assert.equal(await resolvePrincipal(t.db, { cookie: `${SESSION_COOKIE}=v1.9999999999999.signature` }), null);
      const stored = await t.db.session.findUniqueOrThrow({ where: { id: token.id } });
      assert.ok(!JSON.stringify(stored).includes(token.secret), "the secret itself is never stored");
    });

    test("revoking ends a session at once, and only that one", async () => {
      const a = await createSession(t.db, {});
      const b = await createSession(t.db, {});
      assert.equal(await revokeSession(t.db, a.id, null), true);
      assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf(a) }), null);
      assert.ok(await resolvePrincipal(t.db, { cookie: cookieOf(b) }));
      assert.equal(await revokeSession(t.db, a.id, null), false, "a second revoke finds no live session");
      const live = (await listLiveSessions(t.db, null)).map((s) => s.id);
      assert.ok(live.includes(b.id) && !live.includes(a.id));
    });

    test("a session expires after its time to live", async () => {
      const token = await createSession(t.db, {});
      assert.ok(await findLiveSession(t.db, token, new Date(Date.now() + SESSION_TTL_MS - 60_000)));
      assert.equal(await findLiveSession(t.db, token, new Date(Date.now() + SESSION_TTL_MS + 1000)), null);
    });

    test("changing ADMIN_PASSWORD ends every session made with the old one", async () => {
      const token = await createSession(t.db, {});
      assert.ok(await resolvePrincipal(t.db, { cookie: cookieOf(token) }));
      useSecrets("second-password");
      try {
        assert.equal(await resolvePrincipal(t.db, { cookie: cookieOf(token) }), null);
        assert.equal((await listLiveSessions(t.db, null)).length, 0);
        const fresh = await createSession(t.db, {});
        assert.ok(await resolvePrincipal(t.db, { cookie: cookieOf(fresh) }));
      } finally {
        useSecrets("first-password");
      }
    });
  });
}
