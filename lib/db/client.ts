// The database handle: the Prisma client for the configured database, the Dialect of its
// SQL, and the connection Prisma's adapter uses (SQLite's one connection, PostgreSQL's pool)
// for lib/db/direct.ts.
// SQLite (the default): Herald opens the better-sqlite3 connection and hands it to its own
// driver adapter (lib/db/sqlite-adapter); PostgreSQL: Herald's pg.Pool to @prisma/adapter-pg.
// The two generated clients are structurally identical; code is typed against the SQLite one.
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { dialectNameOf, type Dialect, type DialectName } from "./dialect";
import { sqliteDialect } from "./dialect-sqlite";
import { postgresDialect } from "./dialect-postgres";
import { closeNotifier } from "./notify";
import { HeraldSqliteAdapterFactory } from "./sqlite-adapter/adapter";
import { openSqliteConnection } from "./sqlite-adapter/connection";

export type Db = SqliteClient;
export type SqliteConnection = BetterSqlite3.Database;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** SQLite: the connection Herald opened and handed to its Prisma adapter (SQLite has one); statements on it skip Prisma's per-query cost. */
  sqlite?: SqliteConnection;
  /** PostgreSQL: the pool Herald owns and handed to Prisma's adapter; lib/db/direct.ts runs its statements on it. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export { dialectNameOf };
export type { Dialect, DialectName };

/** Opens a database. SQLite gets WAL and a busy timeout so the API and the worker share it well. */
export async function openDatabase(url: string): Promise<Database> {
  if (dialectNameOf(url) === "sqlite") {
    const sqlite = openSqliteConnection(url);
    const db = new SqliteClient({ adapter: new HeraldSqliteAdapterFactory(sqlite) });
    return {
      db,
      dialect: sqliteDialect,
      sqlite,
      close: async () => {
        await db.$disconnect();
        sqlite.close();
      },
    };
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
