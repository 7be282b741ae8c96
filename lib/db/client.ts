// The database handle: the Prisma client for the configured database, the Dialect of its
// SQL, and the connection Prisma's adapter uses (SQLite's one connection, PostgreSQL's pool)
// for lib/db/direct.ts.
// SQLite (the default) goes through @prisma/adapter-better-sqlite3, PostgreSQL through
// @prisma/adapter-pg. The two generated clients are structurally identical; code is typed
// against the SQLite one.
import BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { dialectNameOf, type Dialect, type DialectName } from "./dialect";
import { sqliteDialect } from "./dialect-sqlite";
import { postgresDialect } from "./dialect-postgres";
import { closeNotifier } from "./notify";
import { logFor } from "../log";

export type Db = SqliteClient;
export type SqliteConnection = BetterSqlite3.Database;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** SQLite: the connection under Prisma's adapter (SQLite has one); statements on it skip Prisma's per-query cost. */
  sqlite?: SqliteConnection;
  /** PostgreSQL: the pool Herald owns and handed to Prisma's adapter; lib/db/direct.ts runs its statements on it. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export { dialectNameOf };
export type { Dialect, DialectName };

/**
 * The better-sqlite3 connection inside the adapter Prisma's factory returned. The 6.19 adapter
 * offers no public way to pass in a connection of our own (its factory takes only a URL), so
 * the one it opened is found by its type, not by a private field's name: a release that moves
 * it leaves `sqlite` undefined, every statement then takes the Prisma route (correct, slower),
 * and tests/integration/sqlite-direct.test.ts fails so that nobody loses the fast path silently.
 */
function findConnection(adapter: object): SqliteConnection | undefined {
  for (const value of Object.values(adapter)) if (value instanceof BetterSqlite3) return value;
  return undefined;
}

/** Opens a database. SQLite gets WAL and a busy timeout so the API and the worker share it well. */
export async function openDatabase(url: string): Promise<Database> {
  if (dialectNameOf(url) === "sqlite") {
    const factory = new PrismaBetterSQLite3({ url });
    let connection: SqliteConnection | undefined;
    const adapter = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const opened = await factory.connect();
        connection = findConnection(opened);
        return opened;
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    } as unknown as PrismaBetterSQLite3;
    const db = new SqliteClient({ adapter });
    await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous=NORMAL");
    await db.$executeRawUnsafe("PRAGMA busy_timeout=5000");
    if (!connection) logFor("db").warn("the SQLite adapter's connection was not found: raw statements go through Prisma (slower)");
    return { db, dialect: sqliteDialect, sqlite: connection, close: () => db.$disconnect() };
  }
  // Herald owns the pool and hands it to the adapter (its public constructor takes a pg.Pool).
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {}); // a backend that dies while idle is replaced on next use
  const client = new PostgresClient({ adapter: new PrismaPg(pool) });
  const db = client as unknown as Db;
  const handle: Database = {
    db,
    dialect: postgresDialect,
    pool,
    close: async () => {
      closeNotifier(handle);
      await db.$disconnect();
      await pool.end().catch(() => {});
    },
  };
  return handle;
}
