// Queue semantics on a real SQLite file and on the real PostgreSQL server.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { claimDueMessages } from "../../lib/queue/claim";
import { applyStatusReports } from "../../lib/queue/delivery";
import { commitSendProgress, type Outcome } from "../../lib/queue/send-progress";
import { enqueueMessage, enqueueBatch } from "../../lib/queue/enqueue";
import { cancelMessage, retryMessage } from "../../lib/queue/actions";
import { messageInputSchema } from "../../lib/schemas/message";
import { openDatabase } from "../../lib/db/client";
import { createSandboxProvider } from "../../lib/providers/sandbox";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, createRecordingProvider, makeClient, makeWorker } from "../helpers/fixtures";

const sms = (clientId: string, to = "+15551234567", extra: Record<string, unknown> = {}) =>
  messageInputSchema.parse({ clientId, channel: "sms", to, body: "Your appointment is confirmed", ...extra });

for (const dialect of DIALECTS) {
  describe(`queue on ${dialect}`, () => {
    let t: TestDatabase;
    let clientId: string;
    before(async () => {
      t = await createTestDatabase(dialect);
      clientId = (await makeClient(t.db)).client.id;
    });
    after(async () => t.destroy());

    test("enqueue with the same idempotency key twice creates one message", async () => {
      const first = await enqueueMessage(t, sms(clientId), { idempotencyKey: "call-1-confirm", maxAttempts: 3 });
      const second = await enqueueMessage(t, sms(clientId), { idempotencyKey: "call-1-confirm", maxAttempts: 3 });
      // The same key with another body is refused, never answered with the first message.
      await assert.rejects(enqueueMessage(t, sms(clientId, "+15559999999"), { idempotencyKey: "call-1-confirm", maxAttempts: 3 }), (e: { code?: string }) => e.code === "IDEMPOTENCY_MISMATCH");
      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.equal(second.message.id, first.message.id);
      assert.equal(await t.db.message.count({ where: { idempotencyKey: "call-1-confirm" } }), 1);
      // Concurrent requests with one key still create one message.
      const racing = await Promise.all(
        Array.from({ length: 5 }, () => enqueueMessage(t, sms(clientId), { idempotencyKey: "race", maxAttempts: 3 })),
      );
      assert.equal(new Set(racing.map((r) => r.message.id)).size, 1);
      assert.equal(await t.db.message.count({ where: { idempotencyKey: "race" } }), 1);
    });

    test("a batch accepts valid items, reports invalid ones, and honours keys", async () => {
      const { results } = await enqueueBatch(
        t,
        [
          { clientId, channel: "sms", to: "+15551110000", body: "a", idempotencyKey: "b-1" },
          { clientId, channel: "sms", to: "not-a-number", body: "b" },
          { clientId, channel: "sms", to: "+15551110000", body: "a", idempotencyKey: "b-1" },
          { clientId: "nope", channel: "sms", to: "+15551110002", body: "d" },
        ],
        { maxAttempts: 3, allowClient: () => true },
      );
      assert.ok("message" in results[0]!);
      assert.ok("error" in results[1]! && results[1].error.code === "VALIDATION_FAILED");
      assert.ok("message" in results[2]! && "message" in results[0]! && results[2].message.id === results[0].message.id);
      assert.ok("error" in results[3]! && results[3].error.code === "NOT_FOUND");
      // 1,000 keyed items in one batch (one bound parameter for all the keys), and a key reused with another body.
      const many = Array.from({ length: 1000 }, (_, i) => ({ clientId, channel: "sms", to: `+1555222${String(i).padStart(4, "0")}`, body: `k${i}`, idempotencyKey: `many-${i}` }));
      const first = await enqueueBatch(t, many, { maxAttempts: 3, allowClient: () => true });
      assert.equal(first.results.filter((r) => "message" in r && r.created).length, 1000);
      const again = await enqueueBatch(t, [...many.slice(0, 999), { ...many[999]!, body: "changed" }], { maxAttempts: 3, allowClient: () => true });
      assert.equal(again.results.filter((r) => "message" in r && !r.created).length, 999);
      assert.ok("error" in again.results[999]! && again.results[999].error.code === "IDEMPOTENCY_MISMATCH");
    });

    test("two workers claiming in parallel never take the same message", async () => {
      const other = await openDatabase(t.url);
      try {
        const now = new Date(Date.now() + 3_600_000);
        await t.db.message.updateMany({ where: { status: "pending" }, data: { status: "cancelled" } });
        await enqueueBatch(
          t,
          Array.from({ length: 300 }, (_, i) => ({ clientId, channel: "sms", to: `+1555300${String(i).padStart(4, "0")}`, body: `m${i}` })),
          { maxAttempts: 3, allowClient: () => true },
        );
        const claimAll = async (database: typeof t | typeof other, owner: string) => {
          const ids: string[] = [];
          for (;;) {
            const batch = await claimDueMessages(database, { owner, limit: 7, leaseMs: 60_000, now });
            if (!batch.length) return ids;
            ids.push(...batch.map((m) => m.id));
          }
        };
        const [a, b] = await Promise.all([claimAll(t, "A"), claimAll(other, "B")]);
        const all = [...a, ...b];
        assert.equal(all.length, 300);
        assert.equal(new Set(all).size, 300, "a message was claimed twice");
        assert.ok(a.length > 0 && b.length > 0, `both workers should get work (A ${a.length}, B ${b.length})`);
        await t.db.message.updateMany({ where: { status: "processing" }, data: { status: "cancelled", leaseOwner: null } });
      } finally {
        await other.close();
      }
    });

    test("the worker sends due messages through the sandbox; reports move them to delivered", async () => {
      const clock = new FakeClock(new Date());
      const sandbox = createSandboxProvider({ deliveryDelayMs: 10 });
      const { worker, events } = makeWorker(t, [sandbox], clock);
      const { message } = await enqueueMessage(t, sms(clientId, "+15557770000"), { maxAttempts: 3, now: clock.now() });
      worker.start();
      try {
        const deadline = Date.now() + 5000;
        let row = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
        const announced = () => events.some((e) => e.messageId === message.id && e.event === "delivered");
        while ((row.status !== "delivered" || !announced()) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50));
          row = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
        }
        assert.equal(row.status, "delivered");
        assert.equal(row.attempts, 1);
        assert.equal(row.provider, "sandbox");
        assert.ok(row.sentAt && row.deliveredAt);
        const mine = events.filter((e) => e.messageId === message.id).map((e) => e.event);
        assert.deepEqual(mine, ["processing", "sent", "delivered"]);
        const history = await t.db.messageEvent.findMany({ where: { messageId: message.id }, orderBy: { createdAt: "asc" } });
        assert.deepEqual(history.map((h) => h.status), ["sent", "delivered"], "queued is the message's createdAt, not a row");
        assert.equal(await t.db.messageAttempt.count({ where: { messageId: message.id, outcome: "sent" } }), 1);
      } finally {
        await worker.stop();
      }
    });

    test("a burst of 2,500 delivery reports applies in full (more than a parameter list holds)", async () => {
      const clock = new FakeClock(new Date("2031-01-01T00:00:00Z"));
      await enqueueBatch(t, Array.from({ length: 2500 }, (_, i) => ({ clientId, channel: "sms", to: `+1555600${1000 + i}`, body: `burst ${i}` })), { maxAttempts: 3, allowClient: () => true, now: clock.now() });
      const rec = createRecordingProvider("burst");
      const { worker } = makeWorker(t, [rec.provider], clock, { batchSize: 500 });
      await worker.runOnce();
      const sent = await t.db.message.findMany({ where: { body: { startsWith: "burst" } }, select: { providerMessageId: true, status: true } });
      assert.equal(sent.filter((m) => m.status === "sent").length, 2500);
      const { moved, unmatched } = await applyStatusReports(t, [...sent.map((m) => ({ providerMessageId: m.providerMessageId!, status: "delivered" as const })), { providerMessageId: "nope", status: "delivered" }]);
      assert.equal(moved.length, 2500);
      assert.deepEqual(unmatched, ["nope"]);
      assert.equal(await t.db.message.count({ where: { body: { startsWith: "burst" }, status: "delivered" } }), 2500);
      assert.equal((await applyStatusReports(t, sent.slice(0, 10).map((m) => ({ providerMessageId: m.providerMessageId!, status: "delivered" as const })))).moved.length, 0, "a repeat moves nothing");
    });

    test("transient failures retry at the fixed interval, then dead-letter", async () => {
      const clock = new FakeClock(new Date("2030-01-01T00:00:00Z"));
      const { provider } = createRecordingProvider("flaky", () => "transient");
      const { worker } = makeWorker(t, [provider], clock, { retryIntervalMs: 60_000 });
      const { message } = await enqueueMessage(t, sms(clientId, "+15558880000"), { maxAttempts: 3, now: clock.now() });
      const row = () => t.db.message.findUniqueOrThrow({ where: { id: message.id } });

      assert.equal(await worker.runOnce(), 1);
      let m = await row();
      assert.equal(m.status, "failed");
      assert.equal(m.attempts, 1);
      assert.equal(m.nextAttemptAt?.toISOString(), "2030-01-01T00:01:00.000Z");

      clock.advance(59_999);
      assert.equal(await worker.runOnce(), 0, "nothing is due before the interval");
      clock.advance(1);
      await worker.runOnce();
      m = await row();
      assert.equal(m.status, "failed");
      assert.equal(m.attempts, 2);

      clock.advance(60_000);
      await worker.runOnce();
      m = await row();
      assert.equal(m.status, "dead_letter");
      assert.equal(m.attempts, 3);
      assert.match(m.deadLetterReason ?? "", /retries exhausted after 3 attempts/);
      assert.ok(m.deadLetterAt);
      assert.equal(await t.db.messageAttempt.count({ where: { messageId: message.id } }), 3);
    });

    test("a recipient error dead-letters after one attempt and skips the next provider", async () => {
      const clock = new FakeClock(new Date("2030-02-01T00:00:00Z"));
      const first = createRecordingProvider("primary", () => "recipient");
      const second = createRecordingProvider("secondary");
      const { worker } = makeWorker(t, [first.provider, second.provider], clock);
      const { message } = await enqueueMessage(t, sms(clientId, "+15558881111"), { maxAttempts: 3, now: clock.now() });
      await worker.runOnce();
      const m = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.equal(m.status, "dead_letter");
      assert.equal(m.attempts, 1);
      assert.match(m.deadLetterReason ?? "", /permanent/);
      assert.equal(second.sent.length, 0);
    });

    test("a provider error fails over to the next provider, which sends once", async () => {
      const clock = new FakeClock(new Date("2030-02-02T00:00:00Z"));
      const first = createRecordingProvider("primary", () => "provider");
      const second = createRecordingProvider("secondary");
      const { worker } = makeWorker(t, [first.provider, second.provider], clock);
      const { message } = await enqueueMessage(t, sms(clientId, "+15558882222"), { maxAttempts: 3, now: clock.now() });
      await worker.runOnce();
      const m = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.equal(m.status, "sent");
      assert.equal(m.provider, "secondary");
      assert.equal(second.sent.filter((s) => s.id === message.id).length, 1);
      const attempts = await t.db.messageAttempt.findMany({ where: { messageId: message.id }, orderBy: { createdAt: "asc" } });
      assert.deepEqual(attempts.map((a) => [a.provider, a.outcome, a.errorClass]), [["primary", "failed", "provider"], ["secondary", "sent", null]]);
    });

    test("an expired lease is reclaimed, and the stale worker cannot overwrite the result", async () => {
      const clock = new FakeClock(new Date("2030-03-01T00:00:00Z"));
      const { message } = await enqueueMessage(t, sms(clientId, "+15558883333"), { maxAttempts: 3, now: clock.now() });
      const claimedByA = await claimDueMessages(t, { owner: "A", limit: 10, leaseMs: 1000, now: clock.now() });
      assert.deepEqual(claimedByA.map((m) => m.id), [message.id]);
      clock.advance(500);
      assert.equal((await claimDueMessages(t, { owner: "B", limit: 10, leaseMs: 1000, now: clock.now() })).length, 0);
      clock.advance(600);
      const claimedByB = await claimDueMessages(t, { owner: "B", limit: 10, leaseMs: 1000, now: clock.now() });
      assert.deepEqual(claimedByB.map((m) => m.id), [message.id]);
      const record = (owner: string, outcome: Outcome) => commitSendProgress(t, owner, { starts: [{ id: outcome.id, recovered: null }], outcomes: [], attempts: [] }, clock.now())
        .then(async (s) => ({ started: s.started, recorded: (await commitSendProgress(t, owner, { starts: [], outcomes: [outcome], attempts: [] }, clock.now())).recorded }));
      const late = await record("A", { id: message.id, status: "sent", attemptsDelta: 1, provider: "x", providerMessageId: "late" });
      assert.equal(late.started.size, 0, "a worker whose lease was taken over may not start the send");
      assert.equal(late.recorded.size, 0);
      const mine = await record("B", { id: message.id, status: "sent", attemptsDelta: 1, provider: "y", providerMessageId: "ok" });
      assert.equal(mine.started.size, 1);
      assert.equal(mine.recorded.size, 1);
      const m = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.equal(m.providerMessageId, "ok");
      assert.equal(m.leaseOwner, null);
    });

    test("cancel and retry follow the state rules; an edited retry sends the edited body once", async () => {
      const clock = new FakeClock(new Date("2030-04-01T00:00:00Z"));
      const future = new Date("2030-04-02T00:00:00Z").toISOString();
      const scheduled = await enqueueMessage(t, sms(clientId, "+15558884444", { scheduledFor: future }), { maxAttempts: 3, now: clock.now() });
      const { message: cancelled } = await cancelMessage(t, scheduled.message, clock.now());
      assert.equal(cancelled.status, "cancelled");
      await assert.rejects(cancelMessage(t, cancelled), (e: { code?: string }) => e.code === "INVALID_STATE");
      await assert.rejects(retryMessage(t, cancelled, {}), (e: { code?: string }) => e.code === "INVALID_STATE");

      const bad = createRecordingProvider("p", (m) => (m.to.endsWith("0001") ? "recipient" : null));
      const { worker } = makeWorker(t, [bad.provider], clock);
      const { message } = await enqueueMessage(t, sms(clientId, "+15558880001"), { maxAttempts: 3, now: clock.now() });
      await worker.runOnce();
      const dead = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.equal(dead.status, "dead_letter");
      await assert.rejects(cancelMessage(t, dead), (e: { code?: string }) => e.code === "INVALID_STATE");
      await assert.rejects(retryMessage(t, dead, { to: "bogus" }), (e: { code?: string }) => e.code === "VALIDATION_FAILED");

      const { message: retried } = await retryMessage(t, dead, { to: "+15558884445", body: "Edited: see you at 3pm" }, clock.now());
      assert.equal(retried.status, "pending");
      assert.equal(retried.attempts, 0);
      await assert.rejects(retryMessage(t, retried, {}), (e: { code?: string }) => e.code === "INVALID_STATE");
      await worker.runOnce();
      const sends = bad.sent.filter((s) => s.id === message.id);
      assert.equal(sends.length, 1);
      assert.equal(sends[0]!.body, "Edited: see you at 3pm");
      assert.equal(sends[0]!.to, "+15558884445");
      const history = await t.db.messageEvent.findMany({ where: { messageId: message.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      assert.ok(history.some((h) => h.note === "retried with edits: to, body"));
    });

    test("a marketing message outside business hours waits for the next opening; opted-out recipients are dead-lettered", async () => {
      // Saturday 2030-06-01 12:00 in New York: closed until Monday 09:00 (EDT, UTC-4).
      const clock = new FakeClock(new Date("2030-06-01T16:00:00Z"));
      const rec = createRecordingProvider("p");
      const { worker } = makeWorker(t, [rec.provider], clock);
      const { message } = await enqueueMessage(t, sms(clientId, "+15558885555", { category: "marketing" }), { maxAttempts: 3, now: clock.now() });
      await t.db.suppression.create({ data: { id: "sup_1", clientId, address: "+15558886666", reason: "STOP" } });
      const stopped = await enqueueMessage(t, sms(clientId, "+15558886666"), { maxAttempts: 3, now: clock.now() });
      await worker.runOnce();
      const held = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.equal(held.status, "pending");
      assert.equal(held.runAt.toISOString(), "2030-06-03T13:00:00.000Z");
      assert.match(held.heldReason ?? "", /outside business hours/);
      const optedOut = await t.db.message.findUniqueOrThrow({ where: { id: stopped.message.id } });
      assert.equal(optedOut.status, "dead_letter");
      assert.equal(optedOut.deadLetterReason, "opted_out");
      assert.equal(rec.sent.length, 0);
      clock.current = new Date("2030-06-03T13:00:00Z");
      await worker.runOnce();
      assert.equal((await t.db.message.findUniqueOrThrow({ where: { id: message.id } })).status, "sent");
    });
  });
}
