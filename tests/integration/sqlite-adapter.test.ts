// Herald's own SQLite driver adapter (lib/db/sqlite-adapter) under Prisma's client: every
// column type of the model round-trips, Prisma's error codes and transactions behave as
// with @prisma/adapter-better-sqlite3, statements on the shared connection (lib/db/direct.ts)
// and Prisma's see each other's writes, and a file written by the official adapter reads
// identically through Herald's (and the other way round).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient as SqliteClient } from "../../lib/generated/sqlite/client";
import { runRead, runWrites } from "../../lib/db/direct";
import { HeraldSqliteAdapterFactory } from "../../lib/db/sqlite-adapter/adapter";
import { openSqliteConnection } from "../../lib/db/sqlite-adapter/connection";
import { sql } from "../../lib/db/sql";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";

const when = new Date("2031-04-05T06:07:08.009Z");

const clientRow = (id: string) => ({
  id,
  name: `Client ${id} — ünïcode ✓`,
  timezone: "Europe/Berlin",
  businessHours: JSON.stringify({ mon: [{ open: "09:00", close: "17:00" }] }),
  smsFrom: "+15550001111",
  whatsappFrom: null,
  settings: JSON.stringify({ nested: { list: [1, 2.5, "x"], flag: true } }),
  createdAt: when,
});

const messageRow = (id: string, clientId: string) => ({
  id,
  clientId,
  channel: "sms",
  to: "+15550002222",
  body: "hello 'quoted' \"text\"",
  subject: null,
  scheduledFor: when,
  runAt: new Date(when.getTime() + 1),
  attempts: 2,
  maxAttempts: 2_147_483_647,
  costCents: -5,
  nextAttemptAt: null,
  sentAt: new Date("1999-12-31T23:59:59.999Z"),
  possibleDuplicate: true,
  metadata: JSON.stringify({ a: "b" }),
});

describe("Herald's SQLite driver adapter", () => {
  let t: TestDatabase;
  before(async () => (t = await createTestDatabase("sqlite")));
  after(async () => t.destroy());

  test("every column type of the model round-trips: DateTime, Boolean, Int, String, JSON text, nullables", async () => {
    await t.db.client.create({ data: clientRow("cl_rt") });
    await t.db.message.create({ data: messageRow("msg_rt", "cl_rt") });
    const client = await t.db.client.findUniqueOrThrow({ where: { id: "cl_rt" } });
    assert.deepEqual({ ...client, updatedAt: undefined }, { ...clientRow("cl_rt"), emailFrom: null, apiKeyHash: null, apiKeyPrefix: null, updatedAt: undefined });
    assert.ok(client.updatedAt instanceof Date);
    assert.deepEqual(JSON.parse(client.settings), { nested: { list: [1, 2.5, "x"], flag: true } });
    const message = await t.db.message.findUniqueOrThrow({ where: { id: "msg_rt" } });
    for (const [key, value] of Object.entries(messageRow("msg_rt", "cl_rt"))) assert.deepEqual(message[key as keyof typeof message], value, key);
    assert.equal(message.possibleDuplicate, true);
    assert.equal(message.deliveredAt, null);
    // Filters bind the same conversions: a Date, a Boolean, an Int.
    assert.equal(await t.db.message.count({ where: { scheduledFor: when, possibleDuplicate: true, attempts: { gte: 2 } } }), 1);
    // Stored as Herald's files hold them: ISO text with +00:00, booleans as 0/1.
    const [stored] = t.sqlite!.prepare(`SELECT "scheduledFor", typeof("scheduledFor") AS "type", "possibleDuplicate" FROM "Message" WHERE "id" = 'msg_rt'`).all() as { scheduledFor: string; type: string; possibleDuplicate: number }[];
    assert.deepEqual(stored, { scheduledFor: "2031-04-05T06:07:08.009+00:00", type: "text", possibleDuplicate: 1 });
    // Raw queries: counts as numbers (bigint through Prisma), expressions typed by their values.
    const [raw] = await t.db.$queryRaw<{ n: bigint; s: string; f: number }[]>`SELECT COUNT(*) AS n, 'x' AS s, 1.5 AS f FROM "Message"`;
    assert.deepEqual(raw, { n: 1n, s: "x", f: 1.5 });
  });

  test("a unique violation reaches Prisma's caller as P2002 naming the fields", async () => {
    await t.db.client.create({ data: clientRow("cl_uq") });
    await assert.rejects(t.db.client.create({ data: clientRow("cl_uq") }), (e: { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string; constraint?: unknown } } } }) => {
      assert.equal(e.code, "P2002");
      const cause = e.meta?.driverAdapterError?.cause;
      assert.deepEqual([cause?.kind, cause?.constraint], ["UniqueConstraintViolation", { fields: ["id"] }]);
      return true;
    });
    await assert.rejects(t.db.message.create({ data: { ...messageRow("msg_x", "cl_missing") } }), (e: { code?: string }) => e.code === "P2003");
  });

  test("an interactive transaction that throws rolls back, and the next one runs", async () => {
    await assert.rejects(
      t.db.$transaction(async (tx) => {
        await tx.client.create({ data: clientRow("cl_tx") });
        assert.equal(await tx.client.count({ where: { id: "cl_tx" } }), 1);
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(await t.db.client.count({ where: { id: "cl_tx" } }), 0);
    await t.db.$transaction(async (tx) => tx.client.create({ data: clientRow("cl_tx2") }));
    assert.equal(await t.db.client.count({ where: { id: "cl_tx2" } }), 1);
  });

  test("direct statements and Prisma's see each other's writes; a direct write made while a Prisma transaction is open survives its rollback", async () => {
    await t.db.client.create({ data: clientRow("cl_d1") });
    assert.equal((await runRead<{ id: string }>(t, sql`SELECT "id" FROM "Client" WHERE "id" = ${"cl_d1"}`)).length, 1);
    await runWrites(t, [sql`UPDATE "Client" SET "name" = ${"renamed"}, "updatedAt" = ${when} WHERE "id" = ${"cl_d1"}`]);
    const renamed = await t.db.client.findUniqueOrThrow({ where: { id: "cl_d1" } });
    assert.equal(renamed.name, "renamed");
    assert.equal(renamed.updatedAt.toISOString(), when.toISOString());

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const failing = t.db.$transaction(async (tx) => {
      await tx.client.update({ where: { id: "cl_d1" }, data: { name: "inside" } });
      await held;
      throw new Error("rolled back");
    });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(t.sqlite!.inTransaction, true, "Prisma's transaction is open on the shared connection");
    const direct = runWrites(t, [sql`UPDATE "Client" SET "timezone" = ${"UTC"} WHERE "id" = ${"cl_d1"}`]);
    release();
    await assert.rejects(failing, /rolled back/);
    await direct;
    const after = await t.db.client.findUniqueOrThrow({ where: { id: "cl_d1" } });
    assert.deepEqual([after.name, after.timezone], ["renamed", "UTC"]);
  });

  test("Prisma runs on the connection Herald opened (WAL, synchronous=NORMAL, busy_timeout=5000), which stays open after $disconnect", async () => {
    const connection = openSqliteConnection(t.url);
    connection.function("herald_probe", () => "on Herald's connection");
    const client = new SqliteClient({ adapter: new HeraldSqliteAdapterFactory(connection) });
    assert.deepEqual(await client.$queryRaw`SELECT herald_probe() AS probe`, [{ probe: "on Herald's connection" }]);
    assert.deepEqual(
      [connection.pragma("journal_mode", { simple: true }), connection.pragma("synchronous", { simple: true }), connection.pragma("busy_timeout", { simple: true })],
      ["wal", 1, 5000],
    );
    await client.$disconnect();
    assert.equal(connection.open, true);
    connection.close();
  });

  test("a file written by @prisma/adapter-better-sqlite3 reads identically through Herald's adapter, and the other way round", async () => {
    const official = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: t.url }) });
    try {
      await official.client.create({ data: clientRow("cl_old") });
      await official.message.create({ data: { ...messageRow("msg_old", "cl_old"), possibleDuplicate: false, nextAttemptAt: when } });
      await t.db.client.create({ data: clientRow("cl_new") });
      await t.db.message.create({ data: { ...messageRow("msg_new", "cl_new"), possibleDuplicate: false, nextAttemptAt: when } });
      for (const [id, clientId] of [["msg_old", "cl_old"], ["msg_new", "cl_new"]] as const) {
        const read = async (db: SqliteClient) => ({
          message: await db.message.findUniqueOrThrow({ where: { id }, include: { client: true } }),
          raw: await db.$queryRaw`SELECT * FROM "Message" WHERE "id" = ${id}`,
          counted: await db.$queryRaw`SELECT COUNT(*) AS n, MAX("runAt") AS latest, SUM("costCents") AS cost FROM "Message" WHERE "clientId" = ${clientId}`,
          found: await db.message.count({ where: { nextAttemptAt: { lte: when }, possibleDuplicate: false, clientId } }),
        });
        const viaOfficial = await read(official);
        const viaHerald = await read(t.db);
        assert.deepEqual(viaHerald, viaOfficial, id);
        assert.equal(viaHerald.found, 1);
      }
      const texts = t.sqlite!.prepare(`SELECT "id", "runAt", "createdAt" FROM "Message" WHERE "id" IN ('msg_old', 'msg_new') ORDER BY "id"`).all() as { runAt: string; createdAt: string }[];
      assert.equal(texts[0]!.runAt, texts[1]!.runAt, "the same DateTime is stored as the same text");
      for (const row of texts) assert.match(row.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    } finally {
      await official.$disconnect();
    }
  });
});
