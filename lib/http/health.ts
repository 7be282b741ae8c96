// GET /api/health: liveness for probes and the console. server.ts answers it before Next
// (lib/http/edge.ts): under 200 concurrent POST /api/messages it took p50 424 ms and p99 5 s
// through Next's pipeline, long enough for a probe to restart a healthy server. Worker and
// breaker state are in memory (lib/runtime.ts); the database check is one SELECT 1, run at
// most once a second in the background and reused, so a busy database never slows the
// answer (?deep=1 runs it now and waits).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "../context";
import { getContext } from "../context";
import { sendJson } from "./node-response";
import { providerChecks } from "../ops/provider-checks";

export const HEALTH_PATH = "/api/health";
export const HEALTH_METHODS = "GET, HEAD";

/** A check older than this starts a new one (the answer still uses the last result). */
const FRESH_MS = 1_000;
/** A check still running after this long means the database is not answering. */
const STUCK_MS = 3_000;

interface DbCheck {
  ok: boolean;
  at: number;
  latencyMs: number;
}

let last: DbCheck | undefined;
let running: { promise: Promise<DbCheck>; since: number } | undefined;

function checkDatabase(): Promise<DbCheck> {
  if (!running) {
    const since = Date.now();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), STUCK_MS * 2).unref());
    const promise = Promise.race([getDb().then((db) => db.$queryRawUnsafe("SELECT 1")), timeout]).then(
      () => true,
      () => false,
    ).then((ok) => {
      last = { ok, at: Date.now(), latencyMs: Date.now() - since };
      running = undefined;
      return last;
    });
    running = { promise, since };
  }
  return running.promise;
}

async function databaseState(deep: boolean): Promise<{ ok: boolean; latencyMs: number }> {
  if (deep || !last) return checkDatabase();
  const now = Date.now();
  if (now - last.at > FRESH_MS) void checkDatabase();
  if (running && now - running.since > STUCK_MS) return { ok: false, latencyMs: now - running.since };
  return last;
}

/** The health body and its status: 200, or 503 when the database is unreachable. */
export async function healthReport(opts: { deep: boolean }): Promise<{ status: number; body: Record<string, unknown> }> {
  const runtime = getContext().runtime;
  const worker = runtime?.worker?.status() ?? { running: false, lastTickAt: null };
  const checks = providerChecks();
  const providers = Object.fromEntries(
    (runtime?.providers ?? []).map((p) => {
      const breaker = p.state?.();
      // The credential check at start (lib/ops/provider-checks.ts): "failing" wins over ok, an open breaker over both.
      const check = checks.get(p.name) ?? null;
      const status = breaker && breaker.state !== "closed" ? `circuit_${breaker.state}` : check?.status === "failing" ? "failing" : "ok";
      return [p.name, { status, channels: p.channels, breaker: breaker ?? null, check, lastError: check?.lastError ?? null }];
    }),
  );
  const db = await databaseState(opts.deep);
  const body: Record<string, unknown> = {
    status: db.ok ? "ok" : "degraded",
    db: db.ok ? "ok" : "unreachable",
    worker: { running: worker.running, lastTickAt: worker.lastTickAt },
    providers,
  };
  if (opts.deep) body.dbLatencyMs = db.latencyMs;
  return { status: db.ok ? 200 : 503, body };
}

export function isDeep(search: URLSearchParams): boolean {
  const deep = search.get("deep");
  return deep !== null && deep !== "0" && deep !== "false";
}

export async function serveHealth(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: `${req.method} is not allowed here (allowed: ${HEALTH_METHODS})` } }, { Allow: HEALTH_METHODS });
  }
  const { status, body } = await healthReport({ deep: isDeep(new URL(req.url ?? "/", "http://h").searchParams) });
  sendJson(res, status, body, { "cache-control": "no-store" });
}
