// PostgreSQL's hot path without Prisma (lib/db/direct-pg.ts): enqueue, claim, send starts
// and outcomes, delivery reports all go to the pool as prepared statements, none through
// Prisma; their rows read back as through Prisma (UTC dates in any process time zone);
// and an enqueue on one handle wakes a subscriber on another (LISTEN/NOTIFY,
// lib/db/notify.ts), also after its listening connection was terminated.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { openDatabase, type Database } from "../../lib/db/client";
import { onEnqueued } from "../../lib/db/notify";
import { claimDueMessages } from "../../lib/queue/claim";
import { applyStatusReports } from "../../lib/queue/delivery";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { commitSendProgress } from "../../lib/queue/send-progress";
import { messageInputSchema } from "../../lib/schemas/message";
import { createTestDatabase, PG_BASE, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

const RAW = ["$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe", "$transaction"] as const;

/** Counts the Prisma client's raw and transaction calls while `body` runs. */
async function prismaCallsDuring(database: Database, body: () => Promise<void>): Promise<number> {
  const db = database.db as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved = RAW.map((name) => [name, db[name]!] as const);
  let calls = 0;
  for (const [name, fn] of saved) db[name] = (...a: unknown[]) => ((calls += 1), fn.apply(database.db, a));
  try {
    await body();
  } finally {
    for (const [name, fn] of saved) db[name] = fn;
  }
  return calls;
}

/** Counts checkouts of the handle's pool (a statement or a transaction each) while `body` runs. */
async function poolCheckoutsDuring(database: Database, body: () => Promise<void>): Promise<number> {
  const pool = database.pool!;
  let n = 0;
  const on = () => void (n += 1);
  pool.on("acquire", on);
  try {
    await body();
  } finally {
    pool.off("acquire", on);
  }
  return n;
}

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end && !check()) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe("PostgreSQL's direct route", () => {
  let t: TestDatabase;
  let clientId: string;
  before(async () => {
    t = await createTestDatabase("postgres");
    clientId = (await makeClient(t.db)).client.id;
  });
  after(async () => t.destroy());

  const enqueue = (to: string, now = new Date()) =>
    enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to, body: "hi" }), { maxAttempts: 3, now });

  test("enqueue, claim, send start, outcome and delivery report: no Prisma call, every one on the pool", async () => {
    await enqueue("+15550009000"); // loads the client into its cache (a Prisma read, not the hot path)
    let pmid = "";
    const prismaCalls = await prismaCallsDuring(t, async () => {
      const acquired = await poolCheckoutsDuring(t, async () => {
        const now = new Date();
        const { message } = await enqueue("+15550009001", now);
        const claimed = await claimDueMessages(t, { owner: "w1", limit: 10, leaseMs: 60_000, now });
        assert.ok(claimed.some((m) => m.id === message.id));
        const started = await commitSendProgress(t, "w1", { starts: claimed.map((m) => ({ id: m.id, recovered: null })), outcomes: [], attempts: [] }, now);
        assert.ok(started.started.has(message.id));
        pmid = `pm_${message.id}`;
        const outcome = { id: message.id, status: "sent" as const, attemptsDelta: 1 as const, provider: "sandbox", providerMessageId: pmid };
        const attempt = { messageId: message.id, attempt: 1, provider: "sandbox", outcome: "sent" as const, durationMs: 3, at: now };
        const done = await commitSendProgress(t, "w1", { starts: [], outcomes: [outcome], attempts: [attempt] }, now);
        assert.ok(done.recorded.has(message.id));
        const { moved } = await applyStatusReports(t, [{ providerMessageId: pmid, status: "delivered" }], now);
        assert.deepEqual(moved.map((m) => m.status), ["delivered"]);
      });
      assert.ok(acquired >= 5, `the hot path used the pool directly (${acquired} checkouts)`);
    });
    assert.equal(prismaCalls, 0, "no statement of the hot path went through Prisma");
    const stored = await t.db.message.findFirstOrThrow({ where: { providerMessageId: pmid }, include: { attempt: true, history: true } });
    assert.equal(stored.status, "delivered");
    assert.equal(stored.attempts, 1);
    assert.equal(stored.attempt.length, 1);
    assert.deepEqual(stored.history.map((h) => h.status).sort(), ["delivered", "sent"]);
  });

  test("rows read back as through Prisma, dates in UTC whatever the process's time zone", async () => {
    const savedTz = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const at = new Date("2031-03-04T05:06:07.089Z");
      const { message } = await enqueue("+15550009002", at);
      const claimed = await claimDueMessages(t, { owner: "w2", limit: 50, leaseMs: 1000, now: new Date("2031-03-04T05:06:08Z") });
      const direct = claimed.find((m) => m.id === message.id)!;
      const viaPrisma = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
      assert.equal(direct.createdAt.toISOString(), "2031-03-04T05:06:07.089Z");
      assert.equal(viaPrisma.createdAt.toISOString(), "2031-03-04T05:06:07.089Z", "the direct write stored UTC");
      assert.equal(direct.leaseExpiresAt!.toISOString(), viaPrisma.leaseExpiresAt!.toISOString());
      assert.equal(typeof direct.attempts, "number");
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  test("an enqueue on one handle wakes a subscriber on another, not its own; and again after its connection was terminated", async () => {
    const other = await openDatabase(t.url);
    let woken = 0;
    let ownWoken = 0;
    const stop = onEnqueued(other, () => (woken += 1));
    const stopOwn = onEnqueued(t, () => (ownWoken += 1));
    try {
      // Subscribing looks once (for what it may have missed), then waits.
      assert.ok(await until(() => woken === 1 && ownWoken === 1, 5000), "each subscriber looked once on connecting");
      await enqueue("+15550009003");
      assert.ok(await until(() => woken >= 2, 5000), "the other handle was woken by the enqueue");
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(ownWoken, 1, "the enqueuing handle is not woken by its own NOTIFY");

      const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [new URL(t.url).pathname.slice(1)]);
      await admin.end();
      const before = woken;
      assert.ok(await until(() => woken > before, 5000), "the listener reconnected and looked once");
      const reconnected = woken;
      await enqueue("+15550009004");
      assert.ok(await until(() => woken > reconnected, 5000), "woken again after the reconnect");
    } finally {
      stop();
      stopOwn();
      await other.close();
    }
  });

  test("a unique index's refusal carries Prisma's code P2002 (the API answers 409)", async () => {
    const { messageInsertSql } = await import("../../lib/queue/enqueue");
    const { runWrites } = await import("../../lib/db/direct");
    const { message } = await enqueue("+15550009005");
    const row = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
    await assert.rejects(runWrites(t, [messageInsertSql(t, [{ ...row, heldReason: null, requestHash: null } as never])!]), (e: { code?: string }) => e.code === "P2002");
  });
});
