// npm run bench:reliability: one production server.ts on SQLite under 500 signed call events/s
// and 500 API enqueues/s together (open loop, bounded connections) while /api/health is probed
// ~20/s; then a check in the database that nothing was lost or duplicated; then the crash
// scenario of tests/e2e/crash-sends.spec.ts with its counts. See bench/RELIABILITY.md.
// RELIABILITY_SECONDS=10 for a quick run.
import { Agent } from "node:http";
import os from "node:os";
import { runCrashScenario } from "../tests/helpers/crash-scenario";
import { createBenchDatabase, type BenchDatabase } from "./databases";
import { benchPhone } from "./measure";
import { ensureNextBuild } from "./next-build";
import { anyFreePort, portIsFree, serverPidOf } from "./processes";
import { checkIntegrity } from "./reliability-check";
import { AGENT_ID, callEvent, httpCall, openLoop, sampleRss, signedHeaders } from "./reliability-load";
import { renderReliability, rssTrend, summarizeStream, writeReliability, type ReliabilityReport } from "./reliability-report";
import { ADMIN_KEY, RETELL_KEY, startServer, stopServer, waitHealthy, type Server } from "./server-process";
import { intEnv } from "./int-env";


const settings = {
  seconds: intEnv("RELIABILITY_SECONDS", 60, 5, 3600),
  webhookRate: intEnv("RELIABILITY_WEBHOOK_RATE", 500, 0, 10_000),
  enqueueRate: intEnv("RELIABILITY_ENQUEUE_RATE", 500, 0, 10_000),
  healthRate: intEnv("RELIABILITY_HEALTH_RATE", 20, 1, 500),
  connections: intEnv("RELIABILITY_CONNECTIONS", 64, 1, 1024),
  crash: !["0", "false", "no"].includes((process.env.RELIABILITY_CRASH ?? "").toLowerCase()),
};
const port = intEnv("RELIABILITY_PORT", 3540, 1024, 65535);
const say = (line: string) => console.log(line);

async function load(base: string, clientId: string, clientKey: string, pid: () => number, tag: string) {
  // One pool per kind, as separate callers hold them; health gets its own so it never waits behind the load's sockets.
  const agents = { webhooks: new Agent({ keepAlive: true, maxSockets: settings.connections }), api: new Agent({ keepAlive: true, maxSockets: settings.connections }), health: new Agent({ keepAlive: true, maxSockets: 4 }) };
  const prefix = `rel_${tag}_`;
  const bodyPrefix = `reliability ${tag} `;
  const acceptedCalls = new Map<string, number>();
  const acceptedIds: string[] = [];
  const rss = sampleRss(pid);
  const [webhooks, enqueues, health] = await Promise.all([
    openLoop("POST /api/webhooks/calls", settings.webhookRate, settings.seconds, 204, async (i) => {
      const e = callEvent(prefix, i, Date.now());
      const a = await httpCall(agents.webhooks, base, "POST", "/api/webhooks/calls", signedHeaders(RETELL_KEY, e.raw), e.raw);
      if (a.status === 204) acceptedCalls.set(e.callId, e.followUps);
      return a;
    }),
    openLoop("POST /api/messages", settings.enqueueRate, settings.seconds, 202, async (i) => {
      const body = JSON.stringify({ clientId, channel: "sms", to: benchPhone(i), body: `${bodyPrefix}${i}` });
      const a = await httpCall(agents.api, base, "POST", "/api/messages", { authorization: `Bearer ${clientKey}`, "content-type": "application/json", "idempotency-key": `${tag}-${i}` }, body);
      if (a.status === 202) acceptedIds.push((JSON.parse(a.body) as { message: { id: string } }).message.id);
      return a;
    }),
    openLoop("GET /api/health", settings.healthRate, settings.seconds, 200, () => httpCall(agents.health, base, "GET", "/api/health", {})),
  ]);
  rss.stop();
  for (const a of Object.values(agents)) a.destroy();
  return { streams: [webhooks, enqueues, health], rss: rss.samples, calls: { prefix, accepted: acceptedCalls }, messages: { bodyPrefix, acceptedIds } };
}

async function main() {
  const startedAt = new Date();
  const report: ReliabilityReport = {
    startedAt: startedAt.toISOString(), finishedAt: "", machine: { node: process.version, cpus: os.cpus().length, loadAvgAtStart: os.loadavg(), loadAvgAtEnd: [] },
    settings, streams: [], rssKb: [], rssGrowthLast30sKb: null, rssGrewLast30s: null,
  };
  let database: BenchDatabase | undefined;
  let server: Server | undefined;
  let serverPid = 0;
  try {
    await ensureNextBuild(say, process.env.RELIABILITY_BUILD === "1");
    database = await createBenchDatabase("sqlite");
    const p = (await portIsFree(port)) ? port : await anyFreePort();
    const base = `http://127.0.0.1:${p}`;
    server = startServer({ port: p, databaseUrl: database.url, workerBatchSize: 50, workerConcurrency: 10, sandboxDeliveryMs: 500 });
    await waitHealthy(server, base);
    serverPid = serverPidOf(server.child.pid!);
    // node:http with a deadline (not fetch): a setup call that never answers fails the run instead of hanging it.
    const warm = new Agent({ keepAlive: true, maxSockets: 4 });
    const created = await httpCall(warm, base, "POST", "/api/clients", { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
      JSON.stringify({ name: "Reliability Clinic", timezone: "America/New_York", smsFrom: "+15550004444", agentIds: [AGENT_ID] }));
    if (created.status !== 201) throw new Error(`POST /api/clients → ${created.status} ${created.body.slice(0, 300)}`);
    const { client, apiKey } = JSON.parse(created.body) as { client: { id: string }; apiKey: string };
    // Warm-up, not counted: the route bundles and the client cache load.
    for (let w = 0; w < 10; w++) {
      const e = callEvent("rel_warm_", w, Date.now());
      await httpCall(warm, base, "POST", "/api/webhooks/calls", signedHeaders(RETELL_KEY, e.raw), e.raw);
      await httpCall(warm, base, "POST", "/api/messages", { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, JSON.stringify({ clientId: client.id, channel: "sms", to: benchPhone(990_000 + w), body: "warm-up" }));
    }
    warm.destroy();
    say(`load: ${settings.seconds} s of ${settings.webhookRate} call events/s + ${settings.enqueueRate} enqueues/s, health ${settings.healthRate}/s, on ${database.label} (port ${p})...`);
    const tag = `${process.pid}${Date.now().toString(36)}`;
    const result = await load(base, client.id, apiKey, () => serverPid, tag);
    report.streams = result.streams.map(summarizeStream);
    report.rssKb = result.rss;
    const trend = rssTrend(result.rss);
    report.rssGrowthLast30sKb = trend.growthKb;
    report.rssGrewLast30s = trend.grew;
    say("checking the database...");
    report.integrity = await checkIntegrity(database.url, result.calls, result.messages);
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
  } finally {
    if (server) await stopServer(server, serverPid || serverPidOf(server.child.pid!));
    await database?.destroy();
  }
  if (settings.crash && !report.error) {
    say("crash scenario: 2,000 SMS, SIGKILL after ~500 sends, restart...");
    const crashPort = (await portIsFree(port + 1)) ? port + 1 : await anyFreePort();
    const { serverLog: _log, ...crash } = await runCrashScenario({ dialect: "sqlite", interruption: "kill", port: crashPort, say });
    report.crash = crash;
    if (crash.error) report.error = `crash scenario: ${crash.error}`;
  }
  report.machine.loadAvgAtEnd = os.loadavg();
  report.finishedAt = new Date().toISOString();
  say("");
  say(renderReliability(report));
  say(`\nwritten: ${writeReliability(report)}`);
  process.exit(report.error ? 1 : 0);
}

void main();
