// Raw statements on SQLite without Prisma's cost per query (~0.5 ms here) and per byte
// of parameters (~35 µs per KB): they run on the very connection Prisma's adapter uses
// (SQLite has one), synchronously, with prepared statements kept. Nothing can interleave
// with a synchronous block, and a block never starts while a Prisma transaction is open
// on the connection, so Prisma's transactions and these never mix. PostgreSQL, and
// SQLite inside an open Prisma transaction, take the usual Prisma route.
import type { Statement } from "better-sqlite3";
import { sqliteConnection, type Db, type SqliteConnection } from "./db";
import { sqliteTimestamp, type Sql } from "./queue/sql";

const prepared = new WeakMap<SqliteConnection, Map<string, Statement>>();

function statement(connection: SqliteConnection, text: string): Statement {
  let cache = prepared.get(connection);
  if (!cache) prepared.set(connection, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) {
    stmt = connection.prepare(text);
    if (stmt.reader) stmt.safeIntegers(false);
    if (cache.size > 200) cache.clear();
    cache.set(text, stmt);
  }
  return stmt;
}

const bindable = (v: unknown) => (v instanceof Date ? sqliteTimestamp(v) : typeof v === "boolean" ? Number(v) : v ?? null);

/** Runs the writes in one transaction: directly on SQLite when it can, else as a Prisma array transaction. */
export async function runWrites(db: Db, writes: Sql[]): Promise<void> {
  if (!writes.length) return;
  const connection = sqliteConnection(db);
  if (connection && !connection.inTransaction) {
    connection.transaction(() => {
      for (const w of writes) statement(connection, w.sql).run(...w.values.map(bindable));
    })();
    return;
  }
  await db.$transaction(writes.map((w) => db.$executeRaw(w)));
}

/** A raw read: directly on SQLite, through Prisma on PostgreSQL. Integers come back as numbers. */
export async function runRead<T>(db: Db, query: Sql): Promise<T[]> {
  const connection = sqliteConnection(db);
  if (connection) return statement(connection, query.sql).all(...query.values.map(bindable)) as T[];
  return db.$queryRaw<T[]>(query);
}
