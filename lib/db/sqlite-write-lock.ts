// SQLite's write lock, taken without blocking the event loop. A transaction begins with
// BEGIN IMMEDIATE (lib/db/direct.ts), and while the other connection (the worker thread's)
// holds the lock, SQLite's own busy handler would sleep inside the call: on the main thread
// that sleep stops every request, health probe and socket for as long as the wait lasts
// (measured: ~3 s of 20 s under 500 enqueues/s). Here the attempt is made with the busy
// handler off; when the lock is taken, the caller yields and tries again a moment later,
// so the thread serves other work meanwhile. The connection's busy_timeout is restored at
// once: Prisma's own statements on it still wait as before.
import type { SqliteConnection } from "./client";

/** How long a transaction may wait for the lock in all (the connection's busy_timeout). */
const WAIT_LIMIT_MS = 5000;
/** Pauses between attempts: a yield first (the other side's commits are sub-millisecond), then short sleeps. */
const PAUSES_MS = [0, 0, 1, 1, 2, 2, 5];

const isBusy = (err: unknown) => String((err as { code?: unknown })?.code ?? "").startsWith("SQLITE_BUSY");

const pause = (ms: number) => new Promise<void>((resolve) => (ms === 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

class LockBusy extends Error {
  code = "SQLITE_BUSY";
}

function attempt<T>(connection: SqliteConnection, run: () => T): T {
  // A Prisma transaction that began on this connection while we waited: never nest inside it
  // (better-sqlite3 would make ours a savepoint of theirs); wait for it to end instead.
  if (connection.inTransaction) throw new LockBusy("a Prisma transaction holds the connection");
  const saved = Number(connection.pragma("busy_timeout", { simple: true })); // a bigint on the adapter's connection
  connection.pragma("busy_timeout = 0");
  try {
    return connection.transaction(run).immediate();
  } finally {
    connection.pragma(`busy_timeout = ${saved}`);
  }
}

/**
 * Runs `run` in one IMMEDIATE transaction. `run` must touch nothing but the database: when
 * the lock is busy it is tried again (a busy BEGIN has done nothing; WAL never refuses a
 * statement once the lock is held); so is a Prisma transaction open on this connection. After WAIT_LIMIT_MS the busy error is thrown, as
 * SQLite's own handler would.
 */
export async function inWriteTransaction<T>(connection: SqliteConnection, run: () => T): Promise<T> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (let i = 0; ; i++) {
    try {
      return attempt(connection, run);
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
    }
    await pause(PAUSES_MS[Math.min(i, PAUSES_MS.length - 1)]!);
  }
}
