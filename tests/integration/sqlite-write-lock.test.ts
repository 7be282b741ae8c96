// While another connection holds SQLite's write lock (in Herald: the worker thread's), a
// transaction on the main connection waits for it without stopping the event loop: timers,
// requests and health probes go on meanwhile, and the write lands once the lock is free.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { runRead, runWrites } from "../../lib/db/direct";
import { sql } from "../../lib/db/sql";
import { insertRowsSql } from "../../lib/db/json-rows";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";

let t: TestDatabase;
let other: BetterSqlite3.Database;
before(async () => {
  t = await createTestDatabase("sqlite");
  other = new BetterSqlite3(t.url.replace(/^file:/, ""));
});
after(async () => {
  other.close();
  await t.destroy();
});

const event = (id: string) =>
  insertRowsSql(t, "WebhookEvent", { id: "text", source: "text", eventKey: "text", receivedAt: "timestamp" }, [{ id, source: "lock", eventKey: id, receivedAt: new Date() }])!;

test("a write waiting for the other connection's lock leaves the event loop free, then lands", async () => {
  assert.ok(t.sqlite, "the direct SQLite route is in use");
  other.exec("BEGIN IMMEDIATE");
  const started = Date.now();
  const write = runWrites(t, [event("whe_lock_1")]);
  // On a blocking wait this timer could not fire before the write gave up (busy_timeout, 5 s),
  // and the lock could not be released meanwhile: the write would fail with SQLITE_BUSY.
  const ticks: number[] = [];
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      ticks.push(Date.now() - started);
      if (ticks.length === 5) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
  });
  assert.ok(ticks[0]! < 1000, `the first timer fired after ${ticks[0]} ms while the write waited`);
  other.exec("COMMIT");
  await write;
  const rows = await runRead<{ id: string }>(t, sql`SELECT "id" FROM "WebhookEvent" WHERE "source" = 'lock'`);
  assert.deepEqual(rows.map((r) => r.id), ["whe_lock_1"]);
});

test("a write that never gets the lock fails with SQLite's busy error after the wait limit, and writes nothing", async () => {
  other.exec("BEGIN IMMEDIATE");
  try {
    await assert.rejects(runWrites(t, [event("whe_lock_2")]), (e: { code?: string }) => String(e.code).startsWith("SQLITE_BUSY"));
  } finally {
    other.exec("ROLLBACK");
  }
  assert.equal((await runRead(t, sql`SELECT "id" FROM "WebhookEvent" WHERE "id" = ${"whe_lock_2"}`)).length, 0);
});

test("the connection keeps its busy_timeout for Prisma's own statements", async () => {
  assert.equal(Number(t.sqlite!.pragma("busy_timeout", { simple: true })), 5000);
});
