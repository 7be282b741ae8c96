// The client_routes migration on data written before it, on SQLite and PostgreSQL: every
// agent id and number becomes a route of its client, in order; one claimed by two clients
// stays with the older (where calls already went); error-log rows count as seen once.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { PG_BASE } from "../helpers/databases";

const MIGRATION = "20261202110000_client_routes_error_folding";
const root = path.resolve(import.meta.dirname, "../..");

function migrations(dialect: "sqlite" | "postgres") {
  const dir = path.join(root, "prisma", dialect, "migrations");
  const names = readdirSync(dir).filter((n) => !n.endsWith(".toml")).sort();
  const sql = (n: string) => readFileSync(path.join(dir, n, "migration.sql"), "utf8");
  const at = names.indexOf(MIGRATION);
  return { before: names.slice(0, at).map(sql), mine: sql(MIGRATION) };
}

// B is the newer client; A (older) and B both list agent_shared and +15550000001.
const CLIENTS = [
  ["cl_b", '["agent_shared","agent_b"]', '["+15550000001"]', "2026-01-02T00:00:00.000Z"],
  ["cl_a", '["agent_a","agent_shared","agent_a"]', '["+15550000001","+15550000002"]', "2026-01-01T00:00:00.000Z"],
  ["cl_c", "[]", '[7, "+15550000003"]', "2026-01-03T00:00:00.000Z"],
] as const;

const EXPECTED = [
  { kind: "agent", value: "agent_a", clientId: "cl_a", position: 0 },
  { kind: "agent", value: "agent_shared", clientId: "cl_a", position: 1 },
  { kind: "phone", value: "+15550000001", clientId: "cl_a", position: 0 },
  { kind: "phone", value: "+15550000002", clientId: "cl_a", position: 1 },
  { kind: "agent", value: "agent_b", clientId: "cl_b", position: 1 },
  { kind: "phone", value: "+15550000003", clientId: "cl_c", position: 1 },
];
const ROUTES = `SELECT "kind", "value", "clientId", "position" FROM "ClientRoute" ORDER BY "clientId", "kind", "position"`;
const INSERT_CLIENT = `INSERT INTO "Client" ("id", "name", "timezone", "businessHours", "agentIds", "phoneNumbers", "createdAt", "updatedAt")`;
const INSERT_ERROR = `INSERT INTO "ErrorLog" ("id", "service", "operation", "errorType", "severity", "message", "fingerprint", "createdAt")`;

test("SQLite: routes from the old columns, the older client keeps a shared one, the columns go", () => {
  const { before, mine } = migrations("sqlite");
  const db = new Database(":memory:");
  for (const sql of before) db.exec(sql);
  const ts = (iso: string) => iso.replace("Z", "+00:00");
  for (const [id, agents, phones, at] of CLIENTS) db.prepare(`${INSERT_CLIENT} VALUES (?, ?, 'UTC', '{}', ?, ?, ?, ?)`).run(id, id, agents, phones, ts(at), ts(at));
  db.prepare(`${INSERT_ERROR} VALUES ('err_1', 's', 'o', 't', 'error', 'm', 'f', ?)`).run(ts("2026-01-05T00:00:00.000Z"));
  db.exec(mine);
  assert.deepEqual(db.prepare(ROUTES).all(), EXPECTED);
  assert.deepEqual(db.prepare(`SELECT "occurrences", "lastSeenAt" FROM "ErrorLog"`).all(), [{ occurrences: 1, lastSeenAt: ts("2026-01-05T00:00:00.000Z") }]);
  const columns = (db.prepare(`PRAGMA table_info("Client")`).all() as { name: string }[]).map((c) => c.name);
  assert.ok(!columns.includes("agentIds") && !columns.includes("phoneNumbers"));
  assert.deepEqual(db.prepare("PRAGMA foreign_key_check").all(), []);
});

test("PostgreSQL: the same", async () => {
  const { before, mine } = migrations("postgres");
  const name = `herald_mig_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const db = new pg.Client({ connectionString: `${PG_BASE}/${name}` });
  try {
    await db.connect();
    for (const sql of before) await db.query(sql);
    for (const [id, agents, phones, at] of CLIENTS) await db.query(`${INSERT_CLIENT} VALUES ($1, $1, 'UTC', '{}', $2, $3, $4, $4)`, [id, agents, phones, at]);
    await db.query(`${INSERT_ERROR} VALUES ('err_1', 's', 'o', 't', 'error', 'm', 'f', '2026-01-05T00:00:00.000')`);
    await db.query(mine);
    assert.deepEqual((await db.query(ROUTES)).rows, EXPECTED);
    const { rows } = await db.query(`SELECT "occurrences", "lastSeenAt" = "createdAt" AS "same" FROM "ErrorLog"`);
    assert.deepEqual(rows, [{ occurrences: 1, same: true }]);
    const columns = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Client' AND column_name IN ('agentIds', 'phoneNumbers')`);
    assert.equal(columns.rowCount, 0);
  } finally {
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});
