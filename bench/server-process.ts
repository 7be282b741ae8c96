// The real server.ts as a child process for the HTTP phases: start, wait until healthy,
// call its API, stop it with SIGTERM and report how it exited.
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "./databases";
import { sleep, waitFor } from "./measure";
import { descendants } from "./processes";

export interface ServerSettings {
  port: number;
  databaseUrl: string;
  workerBatchSize: number;
  workerConcurrency: number;
  sandboxDeliveryMs: number;
}

export const RETELL_KEY = "bench-retell-key-0123456789";

export const ADMIN_KEY = "bench-admin-key-0123456789";

export interface Server {
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
}

export function startServer(s: ServerSettings, extraEnv: Record<string, string> = {}): Server {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(s.port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${s.port}`,
    DATABASE_URL: s.databaseUrl,
    ADMIN_API_KEY: ADMIN_KEY,
    ADMIN_PASSWORD: "x",
    SESSION_SECRET: "bench-secret-0123456789abcdef",
    WORKER_BATCH_SIZE: String(s.workerBatchSize),
    WORKER_CONCURRENCY: String(s.workerConcurrency),
    SANDBOX_DELIVERY_MS: String(s.sandboxDeliveryMs),
    RETELL_API_KEY: RETELL_KEY,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
  };
  // BENCH_SERVER_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
  const prof = process.env.BENCH_SERVER_PROF;
  const command = prof ? ["node", "--cpu-prof", `--cpu-prof-dir=${prof}`, "--import", "tsx", "server.ts"] : ["npx", "tsx", "server.ts"];
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    if (output.length > 2000) output.splice(0, output.length - 2000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

export async function call(base: string, method: string, route: string, key: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(base + route, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

/**
 * Stops the server with SIGTERM sent to the server process itself (the node process
 * running server.ts under npx → sh → tsx): npm's exec dies on SIGTERM without waiting
 * for its child, so signalling npx would say nothing about the server's own shutdown.
 * npx then exits with the server's code. A server that will not stop is killed.
 */
export async function stopServer(server: Server, serverPid: number): Promise<{ code: number | null; signal: string | null }> {
  const tree = [server.child.pid!, ...descendants(server.child.pid!)];
  try {
    process.kill(serverPid, "SIGTERM");
  } catch {
    server.child.kill("SIGTERM");
  }
  const result = await Promise.race([server.exited, sleep(25_000).then(() => null)]);
  if (result) return result;
  for (const p of tree) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await server.exited;
  return { code: null, signal: "SIGKILL (did not stop within 25 s of SIGTERM)" };
}

/** Waits for GET /api/health to answer 200; throws with the server's last lines when it does not. */
export async function waitHealthy(server: Server, base: string): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const up = await waitFor(async () => {
    if (exited) return true;
    try {
      return (await fetch(`${base}/api/health`)).status === 200;
    } catch {
      return false;
    }
  }, 90_000, 250);
  if (!up || exited) throw new Error(`server did not become healthy:\n${server.output.slice(-30).join("\n")}`);
}
