// The crash scenario shared by tests/e2e/crash-sends.spec.ts and `npm run bench:reliability`:
// a real server.ts sending SMS through the generic HTTP gateway (a local double that answers
// in 20–50 ms and counts sends per message), 2,000 messages enqueued through the API, then,
// once ~500 have reached the gateway, either SIGKILL (and a restart on the same database) or,
// on PostgreSQL, every database backend of the test's database terminated (and reconnects
// refused) for 1.5 s. Then it waits
// until every message is in an end state and counts what the gateway saw.
import pg from "pg";
import { heraldEnv } from "../e2e/herald-process";
import { DIALECTS, PG_BASE, createTestDatabase, type TestDatabase } from "./databases";
import { startCountingGateway, type CountingGateway } from "./doubles/counting-gateway-double";
import { GATEWAY_TOKEN } from "./doubles/http-gateway-double";
import { emptyCounts, evaluateCrash, type CrashCounts } from "./crash-counts";
import { startKillableHerald, type KillableHerald } from "./killable-herald";

export type Interruption = "kill" | "terminate-backends";
/** "sqlite" | "postgres", taken from the helper rather than lib/, whose module layout moves. */
export type Dialect = (typeof DIALECTS)[number];

export interface CrashSettings {
  dialect: Dialect;
  interruption: Interruption;
  port: number;
  messages?: number;
  interruptAfter?: number;
  concurrency?: number;
  /** Short, so that the restarted worker reclaims the dead one's messages within the test. */
  leaseMs?: number;
  say?: (line: string) => void;
}

export interface CrashResult extends CrashCounts {
  dialect: Dialect;
  interruption: Interruption;
  concurrency: number;
  enqueued: number;
  sendsAtInterruption: number;
  inFlightAtInterruption: number;
  msToInterruption: number;
  msToAllEnded: number | null;
  /** terminate-backends: the server process lived through it. */
  serverSurvived: boolean;
  healthyAfter: boolean;
  error?: string;
  serverLog: string[];
}

// Uncompressed answers: this scenario is about sends, and the fuzz checks compression.
const ADMIN = { authorization: `Bearer ${heraldEnv(0, "").ADMIN_API_KEY}`, "content-type": "application/json", "accept-encoding": "identity" };
export const END_STATES = ["sent", "delivered", "read", "dead_letter"];

async function api(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  // A deadline on every call: a step that hangs fails with its name, not as a test timeout.
  let text: string;
  let res: Response;
  try {
    res = await fetch(base + path, { method, headers: ADMIN, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    text = await res.text();
  } catch (err) {
    throw new Error(`${method} ${path}: no answer (${err instanceof Error ? `${err.message}${err.cause ? `: ${String((err.cause as Error).message ?? err.cause)}` : ""}` : err})`);
  }
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the message
  }
  return { status: res.status, json };
}

async function statusCounts(t: TestDatabase): Promise<Record<string, number> | null> {
  try {
    const rows = await t.db.message.groupBy({ by: ["status"], _count: { _all: true } });
    return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
  } catch {
    return null; // our own connection was among those terminated; the pool reconnects
  }
}

/**
 * A database outage as a failover or restart looks to the server: every backend of the
 * test's database terminated (that database only: other engineers share the server), and
 * new connections to it refused for `windowMs`, longer than a batch of sends takes, so that
 * the writes after the sends in flight meet the outage (terminating alone mostly hits idle
 * connections, and the pool reconnects within milliseconds). Returns how many were ended.
 */
async function terminateBackends(databaseUrl: string, windowMs: number): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  let terminated = 0;
  const kill = async () => {
    const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    terminated += rowCount ?? 0;
  };
  try {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    const until = Date.now() + windowMs;
    while (Date.now() < until) {
      await kill();
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  return terminated;
}

async function enqueue(base: string, clientId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 250) {
    const messages = Array.from({ length: Math.min(250, n - start) }, (_, k) => {
      const i = start + k;
      return { clientId, channel: "sms", to: `+1555${String(i).padStart(6, "0")}7`, body: `crash test ${i}` };
    });
    const res = await api(base, "POST", "/api/messages/batch", { messages });
    if (res.status !== 202) throw new Error(`POST /api/messages/batch → ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
    for (const r of (res.json as { results: { message?: { id: string }; error?: unknown }[] }).results) {
      if (!r.message) throw new Error(`a batch item was refused: ${JSON.stringify(r.error)}`);
      ids.push(r.message.id);
    }
  }
  return ids;
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function runCrashScenario(s: CrashSettings): Promise<CrashResult> {
  const say = s.say ?? (() => {});
  const total = s.messages ?? 2000;
  const interruptAfter = s.interruptAfter ?? 500;
  const concurrency = s.concurrency ?? 10;
  const env = {
    SMS_PROVIDERS: "http", SMS_HTTP_TOKEN: GATEWAY_TOKEN, WORKER_CONCURRENCY: String(concurrency),
    WORKER_LEASE_MS: String(s.leaseMs ?? 3000), WORKER_INTERVAL_MS: "250", RETRY_INTERVAL_MS: "1000",
  };
  const database = await createTestDatabase(s.dialect);
  let gateway: CountingGateway | undefined;
  let server: KillableHerald | undefined;
  const result: CrashResult = {
    dialect: s.dialect, interruption: s.interruption, concurrency, enqueued: 0, sendsAtInterruption: 0, inFlightAtInterruption: 0,
    msToInterruption: 0, msToAllEnded: null, serverSurvived: true, healthyAfter: false, serverLog: [], ...emptyCounts(),
  };
  try {
    gateway = await startCountingGateway();
    server = await startKillableHerald(s.port, database.url, { ...env, SMS_HTTP_URL: gateway.url });
    const created = await api(server.url, "POST", "/api/clients", { name: "Crash Clinic", timezone: "America/New_York", smsFrom: "+15550003333" });
    if (created.status !== 201) throw new Error(`POST /api/clients → ${created.status} ${JSON.stringify(created.json)}`);
    const started = Date.now();
    const ids = await enqueue(server.url, (created.json as { client: { id: string } }).client.id, total);
    result.enqueued = ids.length;
    const g = gateway;
    if (!(await waitUntil(() => g.sends.length >= interruptAfter, 60_000, 2))) throw new Error(`only ${g.sends.length} sends reached the gateway within 60 s`);
    result.sendsAtInterruption = g.sends.length;
    result.inFlightAtInterruption = g.inFlight();
    result.msToInterruption = Date.now() - started;
    say(`    ${s.interruption} after ${result.sendsAtInterruption} sends (${result.inFlightAtInterruption} in flight at the gateway)`);
    if (s.interruption === "kill") {
      await server.kill9();
      result.serverLog.push(...server.output.slice(-20), "--- killed, restarting ---");
      server = await startKillableHerald(s.port, database.url, { ...env, SMS_HTTP_URL: gateway.url });
    } else {
      const terminated = await terminateBackends(database.url, 1500);
      say(`    terminated ${terminated} backend(s) of ${new URL(database.url).pathname.slice(1)} over a 1.5 s outage`);
    }
    const ended = await waitUntil(async () => {
      const counts = await statusCounts(database);
      return !!counts && END_STATES.reduce((n, st) => n + (counts[st] ?? 0), 0) === total;
    }, 120_000, 250);
    result.msToAllEnded = ended ? Date.now() - started : null;
    await new Promise((r) => setTimeout(r, 1000)); // anything still to reach the gateway arrives
    result.serverSurvived = server.isRunning();
    result.healthyAfter = result.serverSurvived && (await fetch(`${server.url}/api/health`).then((r) => r.status === 200, () => false));
    Object.assign(result, await evaluateCrash(database, gateway, ids, (id) => api(server!.url, "GET", `/api/messages/${id}`)));
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  } finally {
    if (server) {
      result.serverLog.push(...server.output.slice(-20));
      await server.stop();
    }
    await gateway?.close();
    await database.destroy();
  }
  return result;
}
