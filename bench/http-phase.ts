// 4. Through HTTP: the real server.ts (production build) as a child process on
// 127.0.0.1, messages posted one per request with bounded concurrency, then the
// server's own worker drains them; progress is read from GET /api/stats.
import { benchPhone, perSecond, runPool, summarize, waitFor, type Summary } from "./measure";
import { anyFreePort, descendants, peakRssKb, portIsFree, processCpuMs, serverPidOf } from "./processes";
import { ADMIN_KEY, call, startServer, stopServer, waitHealthy, type ServerSettings } from "./server-process";

export { ensureNextBuild } from "./next-build";

export interface HttpSettings extends ServerSettings {
  n: number;
  concurrency: number;
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

const WARMUP = 10;

function sentFrom(stats: unknown): number {
  const by = (stats as { byStatus?: Record<string, number> })?.byStatus ?? {};
  return (by.sent ?? 0) + (by.delivered ?? 0) + (by.read ?? 0);
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
  try {
    await waitHealthy(server, base);
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
