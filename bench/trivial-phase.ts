// The yardstick for POST /api/messages: a trivial Next.js route handler (read the JSON
// body, answer 202) behind the same kind of custom server (bench/trivial-next), posted to
// exactly as phase 4 posts to Herald: the same bodies, the same concurrency, Node's fetch.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./databases";
import { benchPhone, perSecond, runPool, summarize, waitFor, type Summary } from "./measure";
import { anyFreePort, portIsFree, processCpuMs, serverPidOf } from "./processes";
import { call, stopServer, type Server } from "./server-process";

const DIR = path.join(ROOT, "bench", "trivial-next");

export interface TrivialResult {
  accepted: number;
  rejected: number;
  acceptedPerSecond: number;
  requestMs: Summary;
  serverCpuMsPerRequest: number | null;
  error?: string;
}

async function ensureBuilt(say: (line: string) => void, force: boolean): Promise<void> {
  if (existsSync(path.join(DIR, ".next", "BUILD_ID")) && !force) return;
  say("  trivial route handler: running `npx next build` in bench/trivial-next (not timed)...");
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npx", ["next", "build"], { cwd: DIR, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build in bench/trivial-next failed (exit ${code})`))));
  });
}

export async function runTrivialPhase(s: { n: number; concurrency: number; port: number; budgetMs: number; rebuild: boolean }, say: (line: string) => void): Promise<TrivialResult> {
  const result: TrivialResult = { accepted: 0, rejected: 0, acceptedPerSecond: 0, requestMs: summarize([]), serverCpuMsPerRequest: null };
  await ensureBuilt(say, s.rebuild);
  const port = (await portIsFree(s.port)) ? s.port : await anyFreePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["tsx", "server.ts"], { cwd: DIR, env: { ...process.env, NODE_ENV: "production", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout!.on("data", (c: Buffer) => output.push(c.toString()));
  child.stderr!.on("data", (c: Buffer) => output.push(c.toString()));
  const server: Server = { child, output, exited: new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal }))) };
  const post = (i: number) => call(base, "POST", "/api/messages", "k", { clientId: "cli_trivial", channel: "sms", to: benchPhone(i), body: `Bench HTTP #${i}` });
  try {
    const up = await waitFor(async () => (await post(0).catch(() => ({ status: 0 }))).status === 202, 60_000, 200);
    if (!up) throw new Error(`the trivial server did not answer:\n${output.slice(-10).join("")}`);
    for (let w = 1; w <= 10; w++) await post(w);
    say(`  trivial route handler: posting ${s.n.toLocaleString("en-US")} requests, ${s.concurrency} in flight...`);
    const pid = serverPidOf(child.pid!);
    const cpu0 = processCpuMs(pid);
    const requestMs: number[] = [];
    const t0 = performance.now();
    await runPool(s.n, s.concurrency, async (i) => {
      const started = performance.now();
      const r = await post(i).catch(() => ({ status: 0 }));
      requestMs.push(performance.now() - started);
      if (r.status === 202) result.accepted += 1;
      else result.rejected += 1;
    }, s.budgetMs);
    const ms = performance.now() - t0;
    const cpu1 = processCpuMs(pid);
    result.acceptedPerSecond = perSecond(result.accepted, ms);
    result.requestMs = summarize(requestMs);
    if (cpu0 !== null && cpu1 !== null && result.accepted) result.serverCpuMsPerRequest = (cpu1 - cpu0) / result.accepted;
    say(`     ${Math.round(result.acceptedPerSecond).toLocaleString("en-US")} answered/s`);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    say(`     trivial phase failed: ${result.error}`);
  } finally {
    await stopServer(server, serverPidOf(child.pid!));
  }
  return result;
}
