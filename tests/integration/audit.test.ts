// The audit trail through the real route handlers, on SQLite and PostgreSQL: each human action
// writes its row (who, what, the before/after, from where), an API key's enqueue writes none,
// GET /api/audit filters and pages and never shows a scoped caller another client's rows, a
// message's entries ride on its detail, and retention keeps the entries of living records.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { resetConfig } from "../../lib/config";
import { getContext } from "../../lib/context";
import { getErrorLogger } from "../../lib/errorlog/log-error";
import { createSession } from "../../lib/auth/sessions";
import { SESSION_COOKIE, formatSessionToken } from "../../lib/auth/session";
import { hashPassword } from "../../lib/auth/password";
import { CLIENT_ADDRESS_HEADER } from "../../lib/http/client-address";
import { newId } from "../../lib/ids";
import { recordAudit } from "../../lib/audit/record";
import { pruneOldData } from "../../lib/retention/prune";
import { POST as composePost } from "../../app/api/messages/route";
import { POST as retryPost } from "../../app/api/messages/[id]/retry/route";
import { POST as cancelPost } from "../../app/api/messages/[id]/cancel/route";
import { GET as messageGet } from "../../app/api/messages/[id]/route";
import { PATCH as clientPatch } from "../../app/api/clients/[id]/route";
import { POST as rotatePost } from "../../app/api/clients/[id]/rotate-key/route";
import { GET as auditGet } from "../../app/api/audit/route";
import { DELETE as suppressionDelete, POST as suppressionPost } from "../../app/api/suppressions/route";
import { POST as consentPost } from "../../app/api/consents/route";
import { POST as resolvePost } from "../../app/api/errors/[id]/resolve/route";
import { POST as acknowledgePost } from "../../app/api/errors/[id]/acknowledge/route";
import { fingerprintOf } from "../../lib/errorlog/log-error";
import { POST as widgetSendPost } from "../../app/api/v1/widget/send/route";
import { conversationIdFor } from "../../lib/conversations/conversation-id";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

const PUBLIC_URL = "https://herald.example.com";
const ADMIN_KEY = "audit-test-admin-key-0123456789";
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

for (const dialect of DIALECTS) {
  describe(`audit on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    let otherId: string;
    let clientKey: string;
    let ana: string; // cookie of Ana, an admin
    let agent: string; // cookie of an agent of `otherId`

    async function call(handler: Handler, method: string, path: string, opts: { cookie?: string; key?: string; body?: unknown; params?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: "203.0.113.7", origin: PUBLIC_URL };
      if (opts.cookie) headers.cookie = opts.cookie;
      if (opts.key) headers.authorization = `Bearer ${opts.key}`;
      if (opts.body !== undefined) headers["content-type"] = "application/json";
      const res = await handler(new Request(`${PUBLIC_URL}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }), { params: Promise.resolve(opts.params ?? {}) });
      return { status: res.status, body: (await res.json()) as any };
    }
    async function userCookie(name: string, role: string, scope: string | null) {
      const user = await t.db.user.create({ data: { id: newId("usr"), email: `${name.toLowerCase()}@example.com`, name, role, clientId: scope, passwordHash: await hashPassword("pw-unused-123") } as never });
      return `${SESSION_COOKIE}=${formatSessionToken(await createSession(t.db, user.id, {}))}`;
    }
    async function deadLetter(to = "+15550002222") {
      const { body } = await call(composePost as Handler, "POST", "/api/messages", { key: ADMIN_KEY, body: { clientId, channel: "sms", to, body: "Your appointment is tomorrow" } });
      await t.db.message.update({ where: { id: body.message.id }, data: { status: "dead_letter", deadLetterReason: "provider refused" } });
      return body.message.id as string;
    }
    const rowsOf = (messageId: string) => t.db.auditEntry.findMany({ where: { messageId }, orderBy: { at: "asc" } });

    before(async () => {
      t = await createTestDatabase(dialect);
      await getContext().close();
      Object.assign(process.env, { DATABASE_URL: t.url, PUBLIC_URL, ADMIN_API_KEY: ADMIN_KEY, SESSION_SECRET: "audit-test-secret-0123456789" });
      resetConfig();
      const made = await makeClient(t.db);
      clientId = made.client.id;
      clientKey = made.apiKey;
      otherId = (await makeClient(t.db, { name: "Other Clinic", smsFrom: "+15550009999" })).client.id;
      ana = await userCookie("Ana", "admin", null);
      agent = await userCookie("Otto", "agent", otherId);
    });
    after(async () => {
      await getErrorLogger().flush();
      await getContext().close();
      await t.destroy();
    });

    test("edit and retry records who, the edited fields' before/after and the address; a plain retry and a cancel record theirs", async () => {
      const id = await deadLetter();
      const edited = await call(retryPost as Handler, "POST", `/api/messages/${id}/retry`, { cookie: ana, body: { to: "+15550003333", body: "Your appointment is tomorrow" }, params: { id } });
      assert.equal(edited.status, 200);
      const [row] = await rowsOf(id);
      assert.equal(row!.action, "message.edit_retry");
      assert.equal(row!.actorKind, "user");
      assert.equal(row!.actorName, "Ana");
      assert.equal(row!.address, "203.0.113.7");
      assert.equal(row!.clientId, clientId);
      assert.deepEqual(JSON.parse(row!.changes!), { to: ["+15550002222", "+15550003333"] }, "an unchanged body is not a change");

      await t.db.message.update({ where: { id }, data: { status: "failed" } });
      assert.equal((await call(retryPost as Handler, "POST", `/api/messages/${id}/retry`, { key: ADMIN_KEY, params: { id } })).status, 200);
      assert.equal((await call(cancelPost as Handler, "POST", `/api/messages/${id}/cancel`, { key: ADMIN_KEY, params: { id } })).status, 200);
      const rows = await rowsOf(id);
      assert.deepEqual(rows.map((r) => [r.action, r.actorKind, r.actorName]), [
        ["message.edit_retry", "user", "Ana"], ["message.retry", "key", "Admin API key"], ["message.cancel", "key", "Admin API key"],
      ]);

      const detail = await call(messageGet as Handler, "GET", `/api/messages/${id}`, { key: clientKey, params: { id } });
      assert.equal(detail.status, 200);
      assert.deepEqual(detail.body.message.audit.map((e: any) => e.action), ["message.edit_retry", "message.retry", "message.cancel"]);
      assert.deepEqual(detail.body.message.audit[0].changes, { to: ["+15550002222", "+15550003333"] });
    });

    test("an API key's enqueue writes no row; a console user's compose does", async () => {
      const before = await t.db.auditEntry.count();
      const byKey = await call(composePost as Handler, "POST", "/api/messages", { key: clientKey, body: { clientId, channel: "sms", to: "+15550004444", body: "hello" } });
      assert.equal(byKey.status, 202);
      assert.equal(await t.db.auditEntry.count(), before);
      const byAna = await call(composePost as Handler, "POST", "/api/messages", { cookie: ana, body: { clientId, channel: "sms", to: "+15550004444", body: "hello from Ana" } });
      assert.equal(byAna.status, 202);
      assert.deepEqual((await rowsOf(byAna.body.message.id)).map((r) => [r.action, r.actorName]), [["message.compose", "Ana"]]);
    });

    test("client update records the changed fields; key rotation records no key", async () => {
      const patched = await call(clientPatch as Handler, "PATCH", `/api/clients/${clientId}`, { cookie: ana, body: { name: "Bright Smile Dental & Ortho", timezone: "America/New_York" }, params: { id: clientId } });
      assert.equal(patched.status, 200);
      const update = await t.db.auditEntry.findFirstOrThrow({ where: { action: "client.update", targetId: clientId } });
      assert.deepEqual(JSON.parse(update.changes!), { name: ["Bright Smile Dental", "Bright Smile Dental & Ortho"] });
      const rotated = await call(rotatePost as Handler, "POST", `/api/clients/${clientId}/rotate-key`, { cookie: ana, body: {}, params: { id: clientId } });
      assert.equal(rotated.status, 200);
      clientKey = rotated.body.apiKey;
      const rotation = await t.db.auditEntry.findFirstOrThrow({ where: { action: "client.rotate_key", targetId: clientId } });
      assert.equal(rotation.changes, null);
      assert.ok(!JSON.stringify(await t.db.auditEntry.findMany()).includes(rotated.body.apiKey.slice(0, 12)), "no key in the trail");
    });

    test("suppression add and lift are recorded with the address and why; a consent only when a person records it", async () => {
      const added = await call(suppressionPost as Handler, "POST", "/api/suppressions", { cookie: ana, body: { clientId, address: "+15550006666", reason: "asked on the phone" } });
      assert.equal(added.status, 201);
      const add = await t.db.auditEntry.findFirstOrThrow({ where: { action: "suppression.add", targetId: added.body.suppression.id } });
      assert.equal(add.actorName, "Ana");
      assert.deepEqual(JSON.parse(add.changes!).reason, [null, "asked on the phone"]);
      const lifted = await call(suppressionDelete as Handler, "DELETE", "/api/suppressions", { cookie: ana, body: { id: added.body.suppression.id, reason: "opted back in" } });
      assert.equal(lifted.status, 200);
      const lift = await t.db.auditEntry.findFirstOrThrow({ where: { action: "suppression.lift", targetId: added.body.suppression.id } });
      assert.deepEqual(JSON.parse(lift.changes!), { address: ["+15550006666", null], reason: [null, "opted back in"] });

      const consent = { clientId, address: "+15550007777", source: "call", text: "Yes, text me reminders" };
      assert.equal((await call(consentPost as Handler, "POST", "/api/consents", { key: ADMIN_KEY, body: consent })).status, 201);
      assert.equal(await t.db.auditEntry.count({ where: { action: "consent.record" } }), 0, "an integration's consent is machine traffic");
      assert.equal((await call(consentPost as Handler, "POST", "/api/consents", { cookie: ana, body: consent })).status, 201);
      assert.equal(await t.db.auditEntry.count({ where: { action: "consent.record", actorName: "Ana" } }), 1);
    });

    test("resolving and acknowledging an error is recorded against the error and its client", async () => {
      const entry = async (n: number) => {
        const input = { service: "providers", operation: "send:twilio", errorType: `provider_${n}`, clientId };
        const id = newId("err");
        await t.db.errorLog.create({ data: { id, ...input, severity: "critical", message: `twilio: Authenticate (${n})`, fingerprint: fingerprintOf(input) } });
        return id;
      };
      const [a, b] = [await entry(1), await entry(2)];
      assert.equal((await call(acknowledgePost as Handler, "POST", `/api/errors/${a}/acknowledge`, { cookie: ana, body: {}, params: { id: a } })).status, 200);
      assert.equal((await call(resolvePost as Handler, "POST", `/api/errors/${b}/resolve`, { cookie: ana, body: {}, params: { id: b } })).status, 200);
      const rows = await t.db.auditEntry.findMany({ where: { targetKind: "error", targetId: { in: [a, b] } }, orderBy: { at: "asc" } });
      assert.deepEqual(rows.map((r) => [r.action, r.targetId, r.actorName, r.clientId]), [["error.acknowledge", a, "Ana", clientId], ["error.resolve", b, "Ana", clientId]]);
    });

    test("a console user's reply in a conversation is recorded; the same reply through an API key is not", async () => {
      const to = "+15550005555";
      await call(composePost as Handler, "POST", "/api/messages", { key: ADMIN_KEY, body: { clientId, channel: "sms", to, body: "Your visit is confirmed" } });
      const conversationId = conversationIdFor(clientId, "sms", to);
      const reply = (text: string, who: { cookie?: string; key?: string }) =>
        call(widgetSendPost as Handler, "POST", "/api/v1/widget/send", { ...who, body: { conversationId, tenantId: clientId, integrationId: "sms", text } });
      const byAna = await reply("See you at 10", { cookie: ana });
      assert.equal(byAna.status, 200, JSON.stringify(byAna.body));
      const byKey = await reply("Automated follow-up", { key: ADMIN_KEY });
      assert.equal(byKey.status, 200, JSON.stringify(byKey.body));
      const rows = await t.db.auditEntry.findMany({ where: { action: "message.widget_reply", messageId: { in: [byAna.body.messageId, byKey.body.messageId] } } });
      assert.deepEqual(rows.map((r) => [r.messageId, r.actorName, r.clientId]), [[byAna.body.messageId, "Ana", clientId]]);
    });

    test("when the audit row cannot be written the change still stands and the gap is in the error log", async () => {
      const id = await deadLetter("+15550004444");
      // The trail's table is away for this one request (a full disk, a lost connection would do the same).
      const rename = (from: string, to: string) => t.db.$executeRawUnsafe(`ALTER TABLE "${from}" RENAME TO "${to}"`);
      await rename("AuditEntry", "AuditEntryAway");
      let res;
      try {
        res = await call(retryPost as Handler, "POST", `/api/messages/${id}/retry`, { cookie: ana, body: {}, params: { id } });
      } finally {
        await rename("AuditEntryAway", "AuditEntry");
      }
      assert.equal(res.status, 200, "the operator is told the retry happened: it did");
      assert.notEqual((await t.db.message.findUniqueOrThrow({ where: { id } })).status, "dead_letter");
      await getErrorLogger().flush();
      const gap = await t.db.errorLog.findFirst({ where: { errorType: "audit_write_failed" }, orderBy: { createdAt: "desc" } });
      assert.ok(gap, "an error-log entry names the missing audit row");
      assert.match(gap.message, new RegExp(`message\\.retry on message ${id}`));
      assert.equal(gap.severity, "error");
    });

    test("GET /api/audit filters, pages newest first, and keeps a scoped caller inside its client", async () => {
      const base = new Date("2030-01-01T00:00:00Z");
      for (let i = 0; i < 5; i++) {
        await recordAudit(t.db, { kind: "admin", via: "key" }, { action: "message.retry", target: { kind: "message", id: `msg_other${i}` }, clientId: otherId, address: "10.0.0.1" }, new Date(base.getTime() + (i % 2) * 1000));
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: any } = await call(auditGet as Handler, "GET", `/api/audit?clientId=${otherId}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { cookie: ana });
        assert.equal(page.status, 200);
        seen.push(...page.body.entries.map((e: any) => e.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.equal(seen.length, 5);
      assert.equal(new Set(seen).size, 5, "no entry twice across pages");
      const all = (await call(auditGet as Handler, "GET", `/api/audit?clientId=${otherId}`, { cookie: ana })).body.entries;
      assert.deepEqual(all.map((e: any) => e.id), seen);
      assert.ok(all.every((e: any, i: number) => i === 0 || all[i - 1].at >= e.at), "newest first");

      const byAction = (await call(auditGet as Handler, "GET", "/api/audit?action=message.edit_retry", { cookie: ana })).body.entries;
      assert.ok(byAction.length >= 1 && byAction.every((e: any) => e.action === "message.edit_retry" && e.actor.name === "Ana"));
      const byActor = (await call(auditGet as Handler, "GET", "/api/audit?actor=Ana&action=client", { cookie: ana })).body.entries;
      assert.deepEqual(new Set(byActor.map((e: any) => e.action)), new Set(["client.update", "client.rotate_key"]));
      assert.equal((await call(auditGet as Handler, "GET", "/api/audit?since=2999-01-01", { cookie: ana })).body.entries.length, 0);
      assert.equal((await call(auditGet as Handler, "GET", "/api/audit?limit=0", { cookie: ana })).status, 400);
      assert.equal((await call(auditGet as Handler, "GET", "/api/audit?cursor=nope", { cookie: ana })).status, 400);

      // The agent of Other Clinic lacks view_audit; a scoped caller with it is held to its client.
      assert.equal((await call(auditGet as Handler, "GET", "/api/audit", { cookie: agent })).status, 403);
      const scopedAdmin = await userCookie("Sam", "admin", otherId);
      const scoped = await call(auditGet as Handler, "GET", "/api/audit", { cookie: scopedAdmin });
      assert.equal(scoped.status, 200);
      assert.ok(scoped.body.entries.length === 5 && scoped.body.entries.every((e: any) => e.clientId === otherId));
      assert.equal((await call(auditGet as Handler, "GET", `/api/audit?clientId=${clientId}`, { cookie: scopedAdmin })).status, 403);
    });

    test("retention keeps the entries of living records and drops only old ones whose message is gone", async () => {
      const old = new Date("2020-01-01T00:00:00Z");
      const living = await deadLetter("+15550005555");
      const admin = { kind: "admin", via: "key" } as const;
      await recordAudit(t.db, admin, { action: "message.retry", target: { kind: "message", id: living }, clientId }, old);
      await recordAudit(t.db, admin, { action: "message.retry", target: { kind: "message", id: "msg_0000gone" }, clientId }, old);
      await recordAudit(t.db, admin, { action: "message.retry", target: { kind: "message", id: "msg_0000gonerecent" }, clientId }, new Date());
      await recordAudit(t.db, admin, { action: "client.update", target: { kind: "client", id: clientId }, clientId }, old);
      const counts = await pruneOldData(t, { now: new Date(), batchSize: 1, pauseMs: 0 });
      assert.equal(counts.audit, 1);
      assert.equal(await t.db.auditEntry.count({ where: { messageId: "msg_0000gone" } }), 0);
      assert.equal(await t.db.auditEntry.count({ where: { messageId: living, at: old } }), 1, "a dead letter is never pruned, nor its trail");
      assert.equal(await t.db.auditEntry.count({ where: { messageId: "msg_0000gonerecent" } }), 1, "younger than every retention");
      assert.equal(await t.db.auditEntry.count({ where: { targetKind: "client", at: old } }), 1, "clients are never pruned, nor their trail");
    });
  });
}
