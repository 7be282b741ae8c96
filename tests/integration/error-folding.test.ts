// The error log cannot be flooded, on SQLite and PostgreSQL: repeats of one problem within an
// hour of its first occurrence, while unresolved, are a count on one entry (×N, last seen),
// announced as new once and as `repeated` after; a resolved or older entry starts afresh.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import twilio from "twilio";
import { resolveError } from "../../lib/errorlog/actions";
import { createErrorLogger, getErrorLogger, type ErrorInput } from "../../lib/errorlog/log-error";
import { listErrors } from "../../lib/errorlog/queries";
import { errorListQuerySchema } from "../../lib/errorlog/schemas";
import { resetConfig } from "../../lib/config";
import { getContext } from "../../lib/context";
import { EventBus } from "../../lib/events/bus";
import { handleTwilioStatus } from "../../lib/webhooks/twilio-status";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, makeClient, servicesFor } from "../helpers/fixtures";

const MIN = 60_000;
const admin = { kind: "admin", via: "key" } as const;

for (const dialect of DIALECTS) {
  describe(`error log folding on ${dialect}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
      await getContext().close();
      Object.assign(process.env, { DATABASE_URL: t.url, TWILIO_AUTH_TOKEN: "folding-token", PUBLIC_URL: "https://herald.example.com" });
      resetConfig();
    });
    after(async () => {
      await getErrorLogger().flush();
      await getContext().close();
      await t.destroy();
    });

    test("300 forged webhooks make one entry ×300, announced as new once", async () => {
      const events: { event: string; occurrences?: number; repeats?: number }[] = [];
      const off = getContext().bus.on("error", ({ event, payload }) => events.push({ event, occurrences: payload.occurrences, repeats: payload.repeats }));
      const forged = (i: number) => {
        const params = { MessageSid: `SM_forged_${i}`, MessageStatus: "delivered" };
        const signature = twilio.getExpectedTwilioSignature("not-the-token", "https://herald.example.com/api/webhooks/twilio/status", params);
        return handleTwilioStatus(servicesFor(t), new URLSearchParams(params).toString(), "application/x-www-form-urlencoded", signature).catch((e: unknown) => e);
      };
      try {
        await forged(0);
        await getErrorLogger().flush();
        for (let i = 1; i < 300; i++) await forged(i);
        await getErrorLogger().flush();
      } finally {
        off();
      }
      const rows = await t.db.errorLog.findMany({ where: { errorType: "invalid_signature" } });
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.occurrences, 300);
      assert.ok(rows[0]!.lastSeenAt >= rows[0]!.createdAt);
      assert.deepEqual(events.map((e) => e.event), ["logged", "repeated"], "new once, then one update per flush");
      assert.deepEqual(events[1], { event: "repeated", occurrences: 300, repeats: 299 });
      const [listed] = (await listErrors(t, errorListQuerySchema.parse({ type: "invalid_signature" }))).errors;
      assert.equal(listed!.occurrences, 300);
      assert.equal(listed!.lastSeenAt, rows[0]!.lastSeenAt.toISOString());
    });

    test("the window: an hour after the first occurrence, or once resolved, a repeat starts a new entry", async () => {
      const clock = new FakeClock(new Date("2030-01-01T10:00:00Z"));
      const bus = new EventBus();
      const logger = createErrorLogger(async () => t.db, bus, { flushMs: 5, clock: clock.now });
      const { client } = await makeClient(t.db, { name: "Window Clinic" });
      const input: ErrorInput = { service: "providers", operation: "send:twilio", errorType: "provider_auth", clientId: client.id, message: "twilio: Authenticate (20003)" };
      const log = async (message = input.message) => {
        logger.log({ ...input, message });
        await logger.flush();
      };
      const entries = () => t.db.errorLog.findMany({ where: { clientId: client.id }, orderBy: { id: "asc" } });

      await log();
      clock.advance(50 * MIN);
      await log("twilio: Authenticate (20003) again");
      logger.log({ ...input, clientId: null }); // Herald's own, not this client's: another problem
      await logger.flush();
      let rows = await entries();
      assert.deepEqual(rows.map((r) => [r.occurrences, r.message]), [[2, "twilio: Authenticate (20003) again"]], "the entry shows its latest occurrence");
      assert.equal(rows[0]!.lastSeenAt.toISOString(), "2030-01-01T10:50:00.000Z");

      // First seen 100 minutes ago, last seen 50 minutes ago: still "in the last hour".
      const inLastHour = await listErrors(t, errorListQuerySchema.parse({ clientId: client.id, since: "1h" }), { now: new Date("2030-01-01T11:40:00Z") });
      assert.equal(inLastHour.errors.length, 1);

      clock.advance(11 * MIN); // 61 minutes after the first occurrence
      await log();
      rows = await entries();
      assert.deepEqual(rows.map((r) => r.occurrences), [2, 1]);

      await resolveError(t.db, admin, rows[1]!.id, { bus });
      await log();
      rows = await entries();
      assert.deepEqual(rows.map((r) => [r.occurrences, !!r.resolvedAt]), [[2, false], [1, true], [1, false]]);
    });
  });
}
