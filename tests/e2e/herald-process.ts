// A Herald server.ts process for Playwright: the e2e secrets and settings, its own port and
// SQLite file. Used by the shared webServer (start-server.ts) and by specs and benchmarks that
// need a server of their own (to stop and restart it, or to run it on a seeded database).
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../lib/migrate";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** The shared webServer's port; a spec's own server takes E2E_PORT + 10 so parallel runs on other ports never meet. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export function dbFileFor(name: string): string {
  return path.join(ROOT, "data", `${name}.db`);
}

/** Deletes the SQLite file (and its WAL) and applies the migrations; returns its DATABASE_URL. */
export async function freshDatabase(dbFile: string): Promise<string> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  const url = `file:${dbFile}`;
  await migrateDatabase(url, { quiet: true });
  return url;
}

export function heraldEnv(port: number, databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ADMIN_PASSWORD: "e2e-password",
    ADMIN_API_KEY: "e2e-admin-key-0123456789",
    SESSION_SECRET: "e2e-session-secret-0123456789abcdef",
    SANDBOX_DELIVERY_MS: "300",
    RETRY_INTERVAL_MS: "2000",
    RETELL_API_KEY: "e2e-retell-key",
    ...extra,
  };
}

/**
 * Starts server.ts (the production build in .next) with `env`, as one node process with tsx's
 * loader: tsx's own CLI sits between as a second process and ends the server on SIGTERM
 * instead of letting its graceful shutdown run.
 */
export function spawnHerald(env: NodeJS.ProcessEnv, stdio: "inherit" | "ignore" | "pipe" = "inherit"): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server.ts")], { cwd: ROOT, env, stdio });
}

/** `npm start` as an operator or a supervisor runs it; the child's pid is npm's. */
export function spawnNpmStart(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn("npm", ["start", "--silent"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
}

/** Every line a child prints (stdout and stderr), kept as it arrives. */
export function collectLines(child: ChildProcess): string[] {
  const lines: string[] = [];
  let partial = "";
  const keep = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts.filter((l) => l.trim() !== ""));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("close", () => partial.trim() && lines.push(partial));
  return lines;
}

/** Waits for a child to exit (SIGKILL after `timeoutMs`); its code, signal and output lines. */
export async function runToExit(child: ChildProcess, timeoutMs = 60_000): Promise<{ code: number | null; signal: string | null; lines: string[] }> {
  const lines = collectLines(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("close", (c, s) => resolve({ code: c, signal: s })),
  );
  clearTimeout(timer);
  return { code, signal, lines };
}

export interface HeraldServer {
  url: string;
  /**
   * SIGTERM, then the exit code once it has stopped (0 after a graceful shutdown).
   */
  stop(): Promise<number | null>;
}

/** Starts a server of one's own and waits until /api/health answers. */
export async function startHerald(port: number, databaseUrl: string, extra: Record<string, string> = {}): Promise<HeraldServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawnHerald(heraldEnv(port, databaseUrl, extra), process.env.HERALD_LOG ? "inherit" : "ignore");
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.ts on port ${port} exited with ${child.exitCode} before it was healthy`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server.ts on port ${port} was not healthy within 60 s`);
    }
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
