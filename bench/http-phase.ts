// 4. Through HTTP: the real server.ts (production build) as a child process on
// 127.0.0.1, messages posted one per request with bounded concurrency, then the
// server's own worker drains them; progress is read from GET /api/stats.
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "./databases";
import { benchPhone, perSecond, runPool, sleep, summarize, waitFor, type Summary } from "./measure";
import { anyFreePort, descendants, peakRssKb, portIsFree, processCpuMs, serverPidOf } from "./processes";

export { ensureNextBuild } from "./next-build";

export interface HttpSettings {
  n: number;
  concurrency: number;
  port: number;
  databaseUrl: string;
  workerBatchSize: number;
  workerConcurrency: number;
  sandboxDeliveryMs: number;
  /** No new POST starts after this long. */
  budgetMs: number;
}

export interface HttpResult {
  port: number;
  startupMs: number;
  posted: number;
  capped: boolean;
  accepted: number;
  rejected: number;
  postMs: number;
  acceptedPerSecond: number;
  /** CPU of the server process per accepted message, from the first POST until all were sent. */
  serverCpuMsPerMessage: number | null;
  requestMs: Summary;
  sent: number;
  endToEndMs: number | null;
  endToEndPerSecond: number | null;
  drainAfterLastPostMs: number | null;
  serverPeakRssKb: number | null;
  serverTreePeakRssKb: number | null;
  exitCode: number | null;
  exitSignal: string | null;
  stoppedCleanly: boolean;
  error?: string;
}

const ADMIN_KEY = "bench-admin-key-0123456789";
const WARMUP = 10;

interface Server {
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
}

function startServer(s: HttpSettings): Server {
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
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn("npx", ["tsx", "server.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

async function call(base: string, method: string, route: string, key: string, body?: unknown): Promise<{ status: number; json: unknown }> {
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

function sentFrom(stats: unknown): number {
  const by = (stats as { byStatus?: Record<string, number> })?.byStatus ?? {};
  return (by.sent ?? 0) + (by.delivered ?? 0) + (by.read ?? 0);
}

/**
 * Stops the server with SIGTERM sent to the server process itself (the node process
 * running server.ts under npx → sh → tsx): npm's exec dies on SIGTERM without waiting
 * for its child, so signalling npx would say nothing about the server's own shutdown.
 * npx then exits with the server's code. A server that will not stop is killed.
 */
async function stopServer(server: Server, serverPid: number): Promise<{ code: number | null; signal: string | null }> {
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

export async function runHttpPhase(settings: HttpSettings, say: (line: string) => void): Promise<HttpResult> {
  let s = settings;
  if (!(await portIsFree(s.port))) {
    const port = await anyFreePort();
    say(`  4  port ${s.port} is taken by another process; using ${port}`);
    s = { ...s, port };
  }
  const base = `http://127.0.0.1:${s.port}`;
  const t0 = performance.now();
  const server = startServer(s);
  const result: HttpResult = {
    port: s.port,
    startupMs: 0, posted: 0, capped: false, accepted: 0, rejected: 0, postMs: 0, acceptedPerSecond: 0, serverCpuMsPerMessage: null, requestMs: summarize([]),
    sent: 0, endToEndMs: null, endToEndPerSecond: null, drainAfterLastPostMs: null,
    serverPeakRssKb: null, serverTreePeakRssKb: null, exitCode: null, exitSignal: null, stoppedCleanly: false,
  };
  let exitedEarly = false;
  void server.exited.then(() => (exitedEarly = true));
  try {
    const up = await waitFor(async () => {
      if (exitedEarly) return true;
      try {
        return (await fetch(`${base}/api/health`)).status === 200;
      } catch {
        return false;
      }
    }, 90_000, 250);
    if (!up || exitedEarly) throw new Error(`server did not become healthy:\n${server.output.slice(-30).join("\n")}`);
    result.startupMs = performance.now() - t0;
    say(`  4  server up in ${(result.startupMs / 1000).toFixed(1)} s (pid ${server.child.pid}); posting ${s.n.toLocaleString("en-US")} messages, ${s.concurrency} in flight...`);

    const created = await call(base, "POST", "/api/clients", ADMIN_KEY, { name: "Bench HTTP", timezone: "UTC", smsFrom: "+15550001111" });
    if (created.status !== 201) throw new Error(`POST /api/clients answered ${created.status}: ${JSON.stringify(created.json)}`);
    const { client, apiKey } = created.json as { client: { id: string }; apiKey: string };
    const post = (i: number) => call(base, "POST", "/api/messages", apiKey, { clientId: client.id, channel: "sms", to: benchPhone(i), body: `Bench HTTP #${i}` });

    // Warm-up: the first requests load the route bundles. Sent too, so counted in the total.
    for (let w = 0; w < WARMUP; w++) {
      const r = await post(s.n + w);
      if (r.status !== 202) throw new Error(`warm-up POST /api/messages answered ${r.status}: ${JSON.stringify(r.json)}`);
    }
    await call(base, "GET", `/api/stats?clientId=${client.id}`, apiKey);

    const requestMs: number[] = [];
    let firstRejection: string | undefined;
    const serverPid = serverPidOf(server.child.pid!);
    const cpu0 = processCpuMs(serverPid);
    const tPost = performance.now();
    const posted = await runPool(s.n, s.concurrency, async (i) => {
      const started = performance.now();
      let status = 0;
      try {
        const r = await post(i);
        status = r.status;
        if (status !== 202) firstRejection ??= `${status} ${JSON.stringify(r.json).slice(0, 300)}`;
      } catch (err) {
        firstRejection ??= String(err);
      }
      requestMs.push(performance.now() - started);
      if (status === 202) result.accepted += 1;
      else result.rejected += 1;
    }, s.budgetMs);
    const tLastPost = performance.now();
    result.posted = posted;
    result.capped = posted < s.n;
    result.postMs = tLastPost - tPost;
    result.acceptedPerSecond = perSecond(result.accepted, result.postMs);
    result.requestMs = summarize(requestMs);
    if (firstRejection) say(`     first rejected request: ${firstRejection}`);
    const cap = result.capped ? ` (stopped at the ${s.budgetMs / 1000} s budget after ${posted.toLocaleString("en-US")})` : "";
    say(`     ${Math.round(result.acceptedPerSecond).toLocaleString("en-US")} accepted/s${cap}; waiting for the server's worker...`);

    const expected = result.accepted + WARMUP;
    let tAllSent: number | null = null;
    await waitFor(async () => {
      const r = await call(base, "GET", `/api/stats?clientId=${client.id}`, apiKey);
      result.sent = Math.max(0, sentFrom(r.json) - WARMUP);
      if (sentFrom(r.json) >= expected) tAllSent = performance.now();
      return tAllSent !== null;
    }, 180_000, 250);
    const cpu1 = processCpuMs(serverPid);
    if (cpu0 !== null && cpu1 !== null && result.accepted > 0) result.serverCpuMsPerMessage = (cpu1 - cpu0) / result.accepted;
    if (tAllSent !== null) {
      result.endToEndMs = (tAllSent as number) - tPost;
      result.endToEndPerSecond = perSecond(result.accepted, result.endToEndMs);
      result.drainAfterLastPostMs = (tAllSent as number) - tLastPost;
    } else {
      say(`     the server's worker did not finish within 180 s (${result.sent} of ${result.accepted} sent)`);
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    say(`     HTTP phase failed: ${result.error}`);
    say(`     last lines of the server output:\n${server.output.slice(-15).map((l) => `       | ${l}`).join("\n")}`);
  } finally {
    const pid = server.child.pid!;
    const tree = [pid, ...descendants(pid)];
    // The server is the deepest process running server.ts (tsx runs it in a child node).
    const serverPid = serverPidOf(pid);
    result.serverPeakRssKb = peakRssKb(serverPid);
    result.serverTreePeakRssKb = tree.map(peakRssKb).reduce<number>((a, b) => a + (b ?? 0), 0);
    const exit = await stopServer(server, serverPid);
    result.exitCode = exit.code;
    result.exitSignal = exit.signal;
    result.stoppedCleanly = server.output.some((line) => line.trim() === "stopped");
    say(`     server stopped: exit ${exit.code ?? exit.signal}${result.stoppedCleanly ? " after a graceful shutdown" : ""}`);
  }
  return result;
}
