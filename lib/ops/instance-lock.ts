// One Herald per SQLite file. The server holds an exclusive lock on a small SQLite file next
// to the database (<db>.lock) for as long as it runs; the operating system drops it when the
// process ends, however it ends, so a crash never leaves a stale lock. A second server on the
// same file finds it held and stops with one line, instead of failing later inside Prisma.
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { StartupError } from "./startup-error";

export function sqliteFileOf(url: string): string {
  return path.resolve(url.slice("file:".length).split("?")[0]!);
}

export interface InstanceLock {
  release(): void;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/** Takes the lock for a file: DATABASE_URL; a PostgreSQL database is shared by replicas and needs none. */
export function lockSqliteDatabase(url: string): InstanceLock {
  if (!url.startsWith("file:")) return { release() {} };
  const file = sqliteFileOf(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const lock = new BetterSqlite3(`${file}.lock`, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    // The first write takes the exclusive lock; in this locking mode it is kept until close.
    lock.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER)");
    lock.exec("BEGIN EXCLUSIVE");
    lock.prepare("DELETE FROM holder").run();
    lock.prepare("INSERT INTO holder (pid) VALUES (?)").run(process.pid);
    lock.exec("COMMIT");
  } catch (err) {
    lock.close();
    if (isBusy(err)) {
      throw new StartupError(
        `another Herald is already running on ${path.relative(process.cwd(), file) || file} (DATABASE_URL=${url}): stop it, or give this one its own DATABASE_URL (SQLite takes one server; use PostgreSQL for replicas)`,
        "DATABASE_URL",
        "DATABASE_LOCKED",
      );
    }
    throw err;
  }
  return { release: () => lock.close() };
}

/** Whether a running Herald holds the lock (for the start script, before it migrates). */
export function assertSqliteDatabaseFree(url: string): void {
  lockSqliteDatabase(url).release();
}
