// lib/db/direct.ts on both databases: the same results and the same errors whichever
// route a statement takes (SQLite's connection, PostgreSQL's pool, or through Prisma).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runRead, runTransaction } from "../../lib/db/direct";
import { sql } from "../../lib/db/sql";
import { insertRowsSql } from "../../lib/db/json-rows";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";

for (const dialect of DIALECTS) {
  describe(`raw statements on ${dialect}`, () => {
    let t: TestDatabase;
    before(async () => (t = await createTestDatabase(dialect)));
    after(async () => t.destroy());

    const event = (id: string, eventKey: string) =>
      insertRowsSql(t, "WebhookEvent", { id: "text", source: "text", eventKey: "text", receivedAt: "timestamp" }, [{ id, source: "test", eventKey, receivedAt: new Date("2030-01-01T00:00:00Z") }])!;

    test("writes and a RETURNING statement run in one transaction; the rows come back with numbers", async () => {
      assert.equal(t.sqlite !== undefined, dialect === "sqlite", "SQLite goes direct on the connection Herald opened for its adapter, PostgreSQL on its pool");
      const rows = await runTransaction<{ n: number }>(t, [event("whe_a", "k1"), event("whe_b", "k2")], sql`SELECT COUNT(*) AS "n" FROM "WebhookEvent" WHERE "source" = 'test'`);
      assert.equal(Number(rows[0]!.n), 2);
      const read = await runRead<{ eventKey: string; receivedAt: unknown }>(t, sql`SELECT "eventKey", "receivedAt" FROM "WebhookEvent" WHERE "id" = ${"whe_a"}`);
      assert.equal(read[0]!.eventKey, "k1");
      assert.equal(new Date(read[0]!.receivedAt as string).toISOString(), "2030-01-01T00:00:00.000Z");
    });

    test("a unique index's refusal rolls the whole transaction back", async () => {
      await assert.rejects(runTransaction(t, [event("whe_c", "k3"), event("whe_d", "k1")]));
      assert.equal((await runRead(t, sql`SELECT "id" FROM "WebhookEvent" WHERE "id" = ${"whe_c"}`)).length, 0);
    });

    if (dialect === "sqlite") {
      test("on SQLite the refusal carries Prisma's code, so the API answers 409 as through Prisma", async () => {
        await assert.rejects(runTransaction(t, [event("whe_e", "k2")]), (e: { code?: string }) => e.code === "P2002");
      });
    }
  });
}
