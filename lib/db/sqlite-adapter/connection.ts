// Opens the better-sqlite3 connection Herald owns for a `file:` URL: the path after `file:`
// as @prisma/adapter-better-sqlite3 read it (relative to the working directory), WAL so that
// readers do not wait for the writer, synchronous=NORMAL (safe under WAL, one fsync per
// checkpoint), and a 5 s busy timeout so the API's connection and the worker thread's take turns.
import BetterSqlite3 from "better-sqlite3";

export function openSqliteConnection(url: string): BetterSqlite3.Database {
  const connection = new BetterSqlite3(url.replace(/^file:/, ""));
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("busy_timeout = 5000");
  return connection;
}
