// Raw statements without Prisma's cost per query (~0.5 ms here) and per byte of
// parameters (~35 µs per KB). PostgreSQL: on the pool Herald hands to Prisma's adapter,
// prepared, each transaction on one pooled client (lib/db/direct-pg.ts). On SQLite they run on the very connection Prisma's adapter
// uses (SQLite has one), synchronously, with prepared statements kept: nothing can
// interleave with a synchronous block, and a block never starts while a Prisma transaction
// is open on the connection, so Prisma's transactions and these never mix (a claim run
// inside someone else's transaction could be rolled back after its messages were sent).
// SQLite while a Prisma transaction is open takes the Prisma route (PostgreSQL's MVCC needs
// no such care: a Prisma transaction holds its own pooled connection).
// SQLite transactions take the write lock when they begin (BEGIN IMMEDIATE): the worker thread
// has a connection of its own, and a transaction that read first and then asked for the lock
// would fail at once (SQLITE_BUSY) whenever the other connection had written meanwhile,
// where one that asks first simply waits its turn, without blocking the event loop
// (lib/db/sqlite-write-lock.ts).
import type { Statement } from "better-sqlite3";
import type { Database, SqliteConnection } from "./client";
import { sqliteTimestamp } from "./dialect-sqlite";
import { pgRead, pgTransaction } from "./direct-pg";
import type { Sql } from "./sql";
import { inWriteTransaction } from "./sqlite-write-lock";

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

/**
 * A unique index's refusal looks as it does through Prisma (code P2002), so callers and the
 * API's error mapping need not know which route a statement took.
 */
function asPrismaError(err: unknown): unknown {
  const code = (err as { code?: unknown })?.code;
  if (code !== "SQLITE_CONSTRAINT_UNIQUE" && code !== "SQLITE_CONSTRAINT_PRIMARYKEY") return err;
  return Object.assign(new Error((err as Error).message, { cause: err }), { code: "P2002" });
}

function direct<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw asPrismaError(err);
  }
}

async function directAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asPrismaError(err);
  }
}

const bindable = (v: unknown) => (v instanceof Date ? sqliteTimestamp(v) : typeof v === "boolean" ? Number(v) : v ?? null);

const directConnection = (database: Database) => {
  const connection = database.sqlite;
  return connection && !connection.inTransaction ? connection : undefined;
};

function runOn(connection: SqliteConnection, query: Sql): unknown[] {
  const stmt = statement(connection, query.sql);
  const values = query.values.map(bindable);
  if (stmt.reader) return stmt.all(...values);
  stmt.run(...values);
  return [];
}

/**
 * One transaction of steps, each built from the rows the earlier steps returned (a step
 * may return null to do nothing, or throw to roll everything back). SQLite: synchronous, on
 * the connection directly when it can. PostgreSQL: one transaction on one pooled client.
 * SQLite under a Prisma transaction: one interactive Prisma transaction. Returns each step's rows (integers as numbers).
 */
export type Step = (earlier: unknown[][]) => Sql | null;

export async function runSteps(database: Database, steps: Step[]): Promise<unknown[][]> {
  const connection = directConnection(database);
  if (connection) {
    return directAsync(() =>
      inWriteTransaction(connection, () => {
        const results: unknown[][] = [];
        for (const step of steps) {
          const query = step(results);
          results.push(query ? runOn(connection, query) : []);
        }
        return results;
      }),
    );
  }
  const { pool } = database;
  if (pool) {
    return pgTransaction(pool, async (runOne) => {
      const results: unknown[][] = [];
      for (const step of steps) {
        const query = step(results);
        results.push(query ? await runOne(query) : []);
      }
      return results;
    });
  }
  return database.db.$transaction(async (tx) => {
    const results: unknown[][] = [];
    for (const step of steps) {
      const query = step(results);
      results.push(query ? ((await tx.$queryRaw<unknown[]>(query)) ?? []) : []);
    }
    return results;
  });
}

/**
 * Runs the writes, then `last` (a statement returning rows, e.g. UPDATE ... RETURNING),
 * in one transaction: directly on SQLite when it can and on PostgreSQL's pool (a lone
 * statement without BEGIN/COMMIT: it is a transaction of its own), else as a Prisma array
 * transaction. Returns the rows of `last` (integers as numbers).
 */
export async function runTransaction<T>(database: Database, writes: Sql[], last?: Sql): Promise<T[]> {
  if (!writes.length && !last) return [];
  const connection = directConnection(database);
  if (connection) {
    return directAsync(() =>
      inWriteTransaction(connection, () => {
        for (const w of writes) statement(connection, w.sql).run(...w.values.map(bindable));
        return last ? (statement(connection, last.sql).all(...last.values.map(bindable)) as T[]) : [];
      }),
    );
  }
  const { pool } = database;
  if (pool) {
    const all = last ? [...writes, last] : writes;
    if (all.length === 1) return pgRead<T>(pool, all[0]!);
    return pgTransaction(pool, async (runOne) => {
      for (const w of writes) await runOne(w);
      return last ? ((await runOne(last)) as T[]) : [];
    });
  }
  const { db } = database;
  const results = await db.$transaction([...writes.map((w) => db.$executeRaw(w)), ...(last ? [db.$queryRaw<T[]>(last)] : [])]);
  return last ? (results[results.length - 1] as T[]) : [];
}

export async function runWrites(database: Database, writes: Sql[]): Promise<void> {
  await runTransaction(database, writes);
}

/** One statement returning rows (a SELECT, or a write with RETURNING): directly on SQLite when it can, on PostgreSQL's pool. */
export async function runRead<T>(database: Database, query: Sql): Promise<T[]> {
  const connection = directConnection(database);
  if (connection) return direct(() => statement(connection, query.sql).all(...query.values.map(bindable)) as T[]);
  if (database.pool) return pgRead<T>(database.pool, query);
  return database.db.$queryRaw<T[]>(query);
}
