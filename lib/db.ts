// The Prisma client for the configured database. SQLite (the default) goes through
// @prisma/adapter-better-sqlite3, PostgreSQL through @prisma/adapter-pg. The two
// generated clients are structurally identical; code is typed against the SQLite one.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { getConfig } from "./config";

export type Db = SqliteClient;
export type Dialect = "sqlite" | "postgres";

export interface Database {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

export function dialectOf(url: string): Dialect {
  return url.startsWith("file:") ? "sqlite" : "postgres";
}

// On globalThis: Next's route bundles have their own copy of this module but share the client.
const dialects: WeakMap<object, Dialect> = ((globalThis as unknown as { __heraldDialects?: WeakMap<object, Dialect> }).__heraldDialects ??= new WeakMap());

export type SqliteConnection = import("better-sqlite3").Database;
const connections: WeakMap<object, SqliteConnection> = ((globalThis as unknown as { __heraldSqliteConnections?: WeakMap<object, SqliteConnection> }).__heraldSqliteConnections ??= new WeakMap());

/** The better-sqlite3 connection under a SQLite client (the only one it has), if known. */
export function sqliteConnection(db: Db): SqliteConnection | undefined {
  return connections.get(db);
}

/** The dialect of an open client (for the few raw statements that differ). */
export function dbDialect(db: Db): Dialect {
  const d = dialects.get(db);
  if (!d) throw new Error("this Prisma client was not opened with openDatabase()");
  return d;
}

/** Opens a database. SQLite gets WAL and a busy timeout so the API and the worker share it well. */
export async function openDatabase(url: string): Promise<Database> {
  const dialect = dialectOf(url);
  if (dialect === "sqlite") {
    const factory = new PrismaBetterSQLite3({ url });
    let connection: SqliteConnection | undefined;
    // The same factory, keeping a handle on the one connection it opens (see lib/sqlite-direct.ts).
    const adapter = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const opened = await factory.connect();
        connection = (opened as unknown as { client: SqliteConnection }).client;
        return opened;
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    } as unknown as PrismaBetterSQLite3;
    const db = new SqliteClient({ adapter });
    await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous=NORMAL");
    await db.$executeRawUnsafe("PRAGMA busy_timeout=5000");
    dialects.set(db, dialect);
    if (connection) connections.set(db, connection);
    return { db, dialect, close: () => db.$disconnect() };
  }
  const pg = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  const db = pg as unknown as Db;
  dialects.set(db, dialect);
  return { db, dialect, close: () => db.$disconnect() };
}

// One database per process, shared by server.ts and the bundled route handlers
// (Next bundles its own copy of this module; globalThis is what they share).
const holder = globalThis as unknown as { __heraldDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__heraldDatabase ??= openDatabase(getConfig().DATABASE_URL);
  return holder.__heraldDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.__heraldDatabase;
  holder.__heraldDatabase = undefined;
  if (pending) await (await pending).close();
}
