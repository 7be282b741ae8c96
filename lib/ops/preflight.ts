// What is checked before Herald starts anything (no worker, no Next): the port is free and
// the database answers. Each failure is a StartupError with one line naming the variable.
// server.ts runs them, and so does the start script before it migrates and builds.
import { createServer, type Server } from "node:net";
import pg from "pg";
import type { Config } from "../config";
import { lockSqliteDatabase, type InstanceLock } from "./instance-lock";
import { StartupError, redactUrl } from "./startup-error";

const CONNECT_TIMEOUT_MS = 5_000;

/** Why listening failed, in the operator's words (EADDRINUSE, EACCES, EADDRNOTAVAIL). */
export function listenError(err: NodeJS.ErrnoException, config: Pick<Config, "PORT" | "HOST">): StartupError {
  const where = `${config.HOST}:${config.PORT}`;
  if (err.code === "EADDRINUSE") return new StartupError(`port ${config.PORT} is already in use on ${config.HOST} (PORT=${config.PORT}): stop what listens there or set PORT to another port`, "PORT", "EADDRINUSE");
  if (err.code === "EACCES") return new StartupError(`not allowed to listen on ${where} (PORT=${config.PORT}): ports below 1024 need privileges; set PORT`, "PORT", "EACCES");
  if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND") return new StartupError(`cannot listen on ${where}: no such address here (HOST=${config.HOST})`, "HOST", err.code);
  return new StartupError(`cannot listen on ${where}: ${err.message}`, "PORT", err.code);
}

/** Listens, or rejects with the one-line StartupError. */
export function listenOn(server: Server | import("node:http").Server, config: Pick<Config, "PORT" | "HOST">): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => reject(listenError(err, config));
    server.once("error", onError);
    server.listen(config.PORT, config.HOST, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/** The port is free now (a probe listens and closes). PORT=0 (any free port) always is. */
export async function assertPortFree(config: Pick<Config, "PORT" | "HOST">): Promise<void> {
  if (config.PORT === 0) return;
  const probe = createServer();
  await listenOn(probe, config);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

function pgProblem(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === "3D000") return `${e.message} (npm run db:migrate creates it)`;
  if (e.code === "28P01" || e.code === "28000") return `the server refused the login: ${e.message}`;
  return e.message || e.code || String(err);
}

/** PostgreSQL answers a SELECT 1 within a few seconds; SQLite's file is checked by the lock. */
export async function assertDatabaseReachable(url: string, opts: { database?: string } = {}): Promise<void> {
  if (url.startsWith("file:")) return;
  const target = new URL(url);
  if (opts.database) target.pathname = `/${opts.database}`;
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new StartupError(`cannot reach the database (DATABASE_URL=${redactUrl(url)}): ${pgProblem(err)}`, "DATABASE_URL", code ?? "DATABASE_UNREACHABLE");
  } finally {
    await client.end().catch(() => {});
  }
}

/** Every check server.ts makes before it starts; the lock (SQLite) is held until released. */
export async function preflight(config: Pick<Config, "PORT" | "HOST" | "DATABASE_URL">): Promise<InstanceLock> {
  await assertPortFree(config);
  await assertDatabaseReachable(config.DATABASE_URL);
  return lockSqliteDatabase(config.DATABASE_URL);
}
