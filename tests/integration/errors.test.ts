// The error log on a real SQLite file and the real PostgreSQL: filters and search return the
// right rows, stats count them, resolve and acknowledge change them once and announce it,
// and the retention prune deletes only what it should.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { EventBus } from "../../lib/events/bus";
import { newId } from "../../lib/ids";
import { acknowledgeError, resolveError } from "../../lib/errorlog/actions";
import { createErrorLogger, fingerprintOf, type ErrorInput } from "../../lib/errorlog/log-error";
import { getErrorStats, listErrors } from "../../lib/errorlog/queries";
import { errorListQuerySchema } from "../../lib/errorlog/schemas";
import { messageRow } from "../../lib/queue/enqueue";
import { pruneOldData, type PruneCounts } from "../../lib/retention/prune";
import { startDailyPrune } from "../../lib/retention/start-daily-prune";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

const NOW = new Date("2026-03-02T15:00:00.000Z");
const MIN = 60_000;
const DAY = 86_400_000;
const admin = { kind: "admin", via: "key" } as const;

/** An entry written as logError would, `ageMs` before NOW. */
function entry(input: ErrorInput & { ageMs: number; resolvedAt?: Date; acknowledgedAt?: Date }) {
  const at = NOW.getTime() - input.ageMs;
  return {
    id: newId("err", at),
    clientId: input.clientId ?? null,
    service: input.service,
    operation: input.operation,
    errorType: input.errorType,
    severity: input.severity ?? "error",
    message: input.message,
    context: JSON.stringify(input.context ?? {}),
    fingerprint: fingerprintOf(input),
    createdAt: new Date(at),
    lastSeenAt: new Date(at),
    resolvedAt: input.resolvedAt ?? null,
    acknowledgedAt: input.acknowledgedAt ?? null,
  };
}

/** Entries made oldest first, as they would have been: newId() is monotonic, so ids keep time order. */
function entries(specs: Parameters<typeof entry>[0][]) {
  return [...specs].sort((x, y) => y.ageMs - x.ageMs).map(entry);
}

for (const dialect of DIALECTS) {
  describe(`error log on ${dialect}`, () => {
    let t: TestDatabase;
    let a: string;
    let b: string;
    const list = (database: Database, query: Record<string, string>) => listErrors(database, errorListQuerySchema.parse(query), { now: NOW });
    const ids = (r: { errors: { id: string }[] }) => r.errors.map((e) => e.id);

    before(async () => {
      t = await createTestDatabase(dialect);
      [a, b] = [(await makeClient(t.db, { name: "A" })).client.id, (await makeClient(t.db, { name: "B" })).client.id];
      const auth = { service: "providers", operation: "send:twilio", errorType: "provider", severity: "critical" as const };
      await t.db.errorLog.createMany({
        data: entries([
          { ...auth, clientId: a, message: "twilio: Authenticate (20003)", ageMs: 10 * MIN },
          { ...auth, clientId: a, message: "twilio: Authenticate (20003)", ageMs: 5 * MIN },
          { ...auth, clientId: b, message: "twilio: Account suspended", ageMs: 3 * 3_600_000 },
          { service: "webhooks", operation: "call_webhook", errorType: "invalid_signature", severity: "warning", message: "x-retell-signature mismatch", ageMs: 2 * MIN },
          { service: "api", operation: "GET /api/stats", errorType: "internal", message: "boom: connection reset", ageMs: 2 * DAY, resolvedAt: new Date(NOW.getTime() - DAY) },
          { service: "webhooks", operation: "call_webhook", errorType: "unknown_event", severity: "info", message: "call_transferred ignored", clientId: b, ageMs: 30 * MIN, acknowledgedAt: new Date(NOW.getTime() - MIN) },
        ]),
      });
    });
    after(async () => t.destroy());

    test("filters: since, service, type, severity, resolved and client", async () => {
      assert.equal((await list(t, {})).errors.length, 6);
      assert.equal((await list(t, { since: "1h" })).errors.length, 4);
      assert.equal((await list(t, { since: "6h" })).errors.length, 5);
      assert.equal((await list(t, { since: "7d" })).errors.length, 6);
      assert.deepEqual((await list(t, { service: "webhooks" })).errors.map((e) => e.errorType).sort(), ["invalid_signature", "unknown_event"]);
      assert.equal((await list(t, { type: "provider" })).errors.length, 3);
      assert.equal((await list(t, { severity: "critical", since: "1h" })).errors.length, 2);
      assert.deepEqual((await list(t, { resolved: "true" })).errors.map((e) => e.service), ["api"]);
      assert.equal((await list(t, { resolved: "false" })).errors.length, 5);
      const onlyA = await list(t, { clientId: a });
      assert.equal(onlyA.errors.length, 2);
      assert.ok(onlyA.errors.every((e) => e.clientId === a));
      assert.throws(() => errorListQuerySchema.parse({ since: "2h" }));
      assert.throws(() => errorListQuerySchema.parse({ resolved: "maybe" }));
    });

    test("search finds text in the message, whatever its case, and entries by id", async () => {
      const found = await list(t, { q: "AUTHENTICATE" });
      assert.equal(found.errors.length, 2);
      assert.ok(found.errors.every((e) => e.message.includes("Authenticate")));
      assert.deepEqual((await list(t, { q: "suspended", clientId: b })).errors.map((e) => e.message), ["twilio: Account suspended"]);
      assert.equal((await list(t, { q: "suspended", clientId: a })).errors.length, 0);
      const one = found.errors[0]!;
      assert.deepEqual(ids(await list(t, { q: one.id })), [one.id]);
    });

    test("sorting by time or severity, page by page, visits every row once in order", async () => {
      const walk = async (sort: string) => {
        const seen: { id: string; severity: string; createdAt: string }[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof list>> = await list(t, { sort, limit: "2", ...(cursor && { cursor }) });
          seen.push(...page.errors);
          cursor = page.nextCursor;
        } while (cursor);
        return seen;
      };
      const byTime = await walk("time");
      assert.equal(byTime.length, 6);
      assert.deepEqual(byTime.map((e) => e.createdAt), byTime.map((e) => e.createdAt).sort().reverse());
      const bySeverity = await walk("severity");
      assert.equal(new Set(bySeverity.map((e) => e.id)).size, 6);
      assert.deepEqual(bySeverity.map((e) => e.severity), ["critical", "critical", "critical", "error", "warning", "info"]);
      assert.ok(bySeverity[0]!.createdAt > bySeverity[1]!.createdAt, "newest first within a severity");
    });

    test("stats count by severity, service, type and resolution", async () => {
      const stats = await getErrorStats(t.db, {}, { now: NOW });
      assert.equal(stats.total, 6);
      assert.deepEqual(stats.bySeverity, { critical: 3, error: 1, warning: 1, info: 1 });
      assert.deepEqual(stats.byService, { providers: 3, webhooks: 2, api: 1 });
      assert.equal(stats.byType.provider, 3);
      assert.deepEqual(stats.byResolution, { open: 4, acknowledged: 1, resolved: 1 });
      assert.deepEqual(stats.unresolved, { critical: 3, error: 0, warning: 1, info: 1 });
      const forB = await getErrorStats(t.db, { clientId: b, since: "1h" }, { now: NOW });
      assert.equal(forB.total, 1);
      assert.deepEqual(forB.bySeverity, { critical: 0, error: 0, warning: 0, info: 1 });
    });

    test("acknowledge and resolve: set once, announced once, only within the caller's client", async () => {
      const bus = new EventBus();
      const events: string[] = [];
      bus.on("error", ({ event, payload }) => events.push(`${event}:${payload.id}`));
      const [newest, older] = (await list(t, { clientId: a })).errors;
      const webhook = (await list(t, { type: "invalid_signature" })).errors[0]!;

      const acked = await acknowledgeError(t.db, { kind: "client", clientId: a }, newest!.id, { bus });
      assert.ok(acked.entry.acknowledgedAt);
      assert.equal(acked.entry.resolvedAt, null);
      assert.equal((await acknowledgeError(t.db, admin, newest!.id, { bus })).updated, 0);
      assert.deepEqual(events, [`acknowledged:${newest!.id}`]);

      const denied = (p: Promise<unknown>, code: string) => assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === code);
      await denied(resolveError(t.db, { kind: "client", clientId: b }, newest!.id, { bus }), "FORBIDDEN");
      await denied(acknowledgeError(t.db, { kind: "client", clientId: a }, webhook.id, { bus }), "FORBIDDEN"); // Herald's own, admins only
      await denied(resolveError(t.db, admin, "err_000000000000000000000000000000", { bus }), "NOT_FOUND");

      const resolved = await resolveError(t.db, admin, older!.id, { bus });
      assert.equal(resolved.updated, 1);
      assert.ok(resolved.entry.resolvedAt && resolved.entry.acknowledgedAt);
      assert.equal((await resolveError(t.db, admin, older!.id, { bus })).updated, 0);
      assert.deepEqual(events.slice(1), [`resolved:${older!.id}`]);
      assert.equal((await list(t, { clientId: a, resolved: "false" })).errors.length, 1);
    });

    test("resolving with `similar` closes every open entry of that fingerprint, and only those", async () => {
      const bus = new EventBus();
      const logger = createErrorLogger(async () => t.db, bus, { flushMs: 5 });
      const same = { service: "providers", operation: "send:twilio", errorType: "provider", clientId: b, message: "twilio: Account suspended" };
      for (let i = 0; i < 3; i++) logger.log(same);
      logger.log({ ...same, clientId: a });
      await logger.flush();
      const open = (await list(t, { clientId: b, type: "provider", resolved: "false" })).errors;
      // The three new ones are one entry seen three times (repeats fold), and one is from before.
      assert.deepEqual(open.map((e) => e.occurrences), [3, 1]);
      const resolved: string[] = [];
      bus.on("error", ({ event, payload }) => event === "resolved" && resolved.push(payload.id));
      const result = await resolveError(t.db, { kind: "client", clientId: b }, open[0]!.id, { bus, similar: true });
      assert.equal(result.updated, 2);
      assert.deepEqual(resolved.sort(), open.map((e) => e.id).sort());
      assert.equal((await list(t, { clientId: a, type: "provider", resolved: "false" })).errors.length, 2);
    });
  });

  describe(`retention prune on ${dialect}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => t.destroy());

    test("deletes old finished messages, attempts, webhook events and resolved errors; keeps everything else", async () => {
      const clientId = (await makeClient(t.db)).client.id;
      const old = new Date(NOW.getTime() - 100 * DAY);
      const recent = new Date(NOW.getTime() - 10 * DAY);
      const rows: ReturnType<typeof messageRow>[] = [];
      const add = (status: string, at: Date, tag: string) => {
        const row = { ...messageRow({ clientId, channel: "sms", to: "+15551234567", subject: null, body: tag, template: null, variables: null, category: "transactional", kind: null, scheduledFor: at, maxAttempts: 3, idempotencyKey: null, metadata: "{}", callId: null, customerId: null, conversationId: null }, at), status };
        rows.push(row);
        return row.id;
      };
      const prunable = ["sent", "delivered", "read", "cancelled", "delivered", "delivered", "read"].map((s, i) => add(s, old, `old-${s}-${i}`));
      const kept = [
        ...["dead_letter", "pending", "processing", "failed"].map((s) => add(s, old, `old-${s}`)),
        ...["delivered", "sent"].map((s) => add(s, recent, `recent-${s}`)),
      ];
      await t.db.message.createMany({ data: rows });
      // Every message has an old attempt and a history row; a recent delivered one has an old attempt too.
      const attemptRow = (messageId: string, at: Date) => ({ id: newId("att"), messageId, attempt: 1, provider: "sandbox", outcome: "sent", durationMs: 5, createdAt: at });
      await t.db.messageAttempt.createMany({ data: [...prunable, ...kept].map((id) => attemptRow(id, old)) });
      await t.db.messageEvent.createMany({ data: [...prunable, ...kept].map((id) => ({ id: newId("mev"), messageId: id, status: "pending", createdAt: old })) });
      await t.db.webhookEvent.createMany({
        data: [
          { id: newId("whe"), source: "retell", eventKey: "old-1", receivedAt: new Date(NOW.getTime() - 31 * DAY) },
          { id: newId("whe"), source: "retell", eventKey: "old-2", receivedAt: new Date(NOW.getTime() - 45 * DAY) },
          { id: newId("whe"), source: "retell", eventKey: "new-1", receivedAt: new Date(NOW.getTime() - 29 * DAY) },
        ],
      });
      const base = { service: "api", operation: "GET /x", errorType: "internal", message: "boom" };
      await t.db.errorLog.createMany({
        data: [
          entry({ ...base, ageMs: 60 * DAY, resolvedAt: new Date(NOW.getTime() - 40 * DAY) }),
          entry({ ...base, ageMs: 60 * DAY, resolvedAt: new Date(NOW.getTime() - 20 * DAY) }),
          entry({ ...base, ageMs: 200 * DAY }), // unresolved: kept however old
          entry({ ...base, ageMs: 200 * DAY, acknowledgedAt: new Date(NOW.getTime() - 100 * DAY) }),
        ],
      });

      const counts = await pruneOldData(t, { now: NOW, batchSize: 2, pauseMs: 0 });
      assert.deepEqual(counts, { messages: 7, attempts: 7 + 2, messageEvents: 7, webhookEvents: 2, errors: 1, audit: 0 });

      const left = await t.db.message.findMany({ select: { id: true } });
      assert.deepEqual(left.map((m) => m.id).sort(), [...kept].sort());
      // Attempts of in-flight and dead-lettered messages stay; old attempts of recent delivered ones go.
      const attemptsLeft = await t.db.messageAttempt.findMany({ include: { message: { select: { status: true } } } });
      assert.deepEqual(attemptsLeft.map((x) => x.message.status).sort(), ["dead_letter", "failed", "pending", "processing"]);
      assert.equal(await t.db.messageEvent.count(), kept.length);
      assert.deepEqual((await t.db.webhookEvent.findMany()).map((w) => w.eventKey), ["new-1"]);
      assert.equal(await t.db.errorLog.count(), 3);
      assert.equal(await t.db.errorLog.count({ where: { resolvedAt: null } }), 2);

      // Nothing left to do: a second run deletes nothing.
      assert.deepEqual(await pruneOldData(t, { now: NOW, batchSize: 2, pauseMs: 0 }), { messages: 0, attempts: 0, messageEvents: 0, webhookEvents: 0, errors: 0, audit: 0 });
    });

    test("the daily prune runs on its schedule with the configured days, and stops", async () => {
      const base = { service: "api", operation: "GET /x", errorType: "internal", message: "boom" };
      await t.db.errorLog.createMany({ data: [entry({ ...base, ageMs: 20 * DAY, resolvedAt: new Date(NOW.getTime() - 10 * DAY) })] });
      const runs: PruneCounts[] = [];
      const stop = startDailyPrune({ database: t, clock: () => NOW, config: { RETENTION_RESOLVED_ERRORS_DAYS: 7 }, firstRunDelayMs: 0, intervalMs: 50, onPruned: (c) => runs.push(c) });
      try {
        const deadline = Date.now() + 5_000;
        while (runs.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        assert.equal(runs[0]!.errors, 2, "resolved 10 and 20 days ago: both past the configured 7");
        assert.equal(runs[1]!.errors, 0);
      } finally {
        await stop();
      }
      const after = runs.length;
      await new Promise((r) => setTimeout(r, 120));
      assert.equal(runs.length, after, "no run after stop");
    });
  });
}
