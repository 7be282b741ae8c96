// npm run bench: Herald's queue, worker and HTTP throughput and latency on SQLite and
// PostgreSQL, beside pg-boss and graphile-worker on the same PostgreSQL server and a trivial
// Next.js route handler, in one run. See bench/README.md. BENCH_N=2000 for a quick run,
// BENCH_DB=sqlite|postgres for one database, BENCH_ONLY=… for some phases.
import { openDatabase, type DialectName as Dialect } from "../lib/db/client";
import { createBenchDatabase, type BenchDatabase } from "./databases";
import { ensureNextBuild, runHttpPhase } from "./http-phase";
import { runLibraryPhases, type LibrarySettings } from "./library-phases";
import { runWebhookPhase } from "./webhook-phase";
import { runAnchors, type AnchorResult } from "./anchors";
import { runTrivialPhase, type TrivialResult } from "./trivial-phase";
import { machineInfo, renderReport, writeReport, type BenchReport, type DialectRun } from "./report";
import { intEnv } from "./int-env";
import { runConversationsPhase } from "./conversations-phase";


function dialectsFromEnv(): Dialect[] {
  const raw = (process.env.BENCH_DB ?? "").trim().toLowerCase();
  if (raw === "" || raw === "both" || raw === "all") return ["sqlite", "postgres"];
  if (raw === "sqlite" || raw === "postgres") return [raw];
  if (raw === "postgresql" || raw === "pg") return ["postgres"];
  throw new Error(`BENCH_DB must be sqlite, postgres or both (got "${raw}")`);
}

const n = intEnv("BENCH_N", 20_000, 100, 200_000);
const latencyRate = intEnv("BENCH_RATE", 500, 10, 5000);
const settings: LibrarySettings = {
  n,
  enqueueConcurrency: intEnv("BENCH_ENQUEUE_CONCURRENCY", 16, 1, 256),
  batchChunk: 1000,
  worker: {
    batchSize: intEnv("BENCH_BATCH_SIZE", 100, 1, 1000),
    concurrency: intEnv("BENCH_WORKER_CONCURRENCY", 10, 1, 100),
    intervalMs: 1000,
    leaseMs: 60_000,
    retryIntervalMs: 60_000,
  },
  sandboxDeliveryMs: 500,
  latencyRate,
  // ~10 s at the full size; shorter for a quick run.
  latencyCount: Math.min(latencyRate * 10, Math.max(latencyRate * 2, Math.round(n / 4))),
  phaseBudgetMs: intEnv("BENCH_BUDGET_S", 15, 1, 3600) * 1000,
};
let httpEnabled = !["0", "false", "no"].includes((process.env.BENCH_HTTP ?? "").toLowerCase());
let httpSkipped: string | undefined;
const httpConcurrency = intEnv("BENCH_HTTP_CONCURRENCY", 32, 1, 512);
const port = intEnv("BENCH_PORT", 3200, 1024, 65535);
// BENCH_ONLY=library,anchors,http,trivial,webhooks,conversations (any of them, comma-separated): only those phases.
const PHASES = ["library", "anchors", "http", "trivial", "webhooks", "conversations"] as const;
type Phase = (typeof PHASES)[number];
const only = (process.env.BENCH_ONLY ?? "").toLowerCase().split(",").map((p) => p.trim()).filter(Boolean);
for (const p of only) if (!(PHASES as readonly string[]).includes(p)) throw new Error(`BENCH_ONLY takes ${PHASES.join(", ")} (got "${p}")`);
const want = (phase: Phase) => only.length === 0 || only.includes(phase);
const webhookRate = intEnv("BENCH_WEBHOOK_RATE", 1000, 10, 10_000);
const webhookSeconds = intEnv("BENCH_WEBHOOK_SECONDS", 10, 1, 120);
const webhookWorker = (process.env.BENCH_WEBHOOK_WORKER ?? "both").toLowerCase();
if (!["on", "off", "both"].includes(webhookWorker)) throw new Error(`BENCH_WEBHOOK_WORKER must be on, off or both (got "${webhookWorker}")`);
const dialects = dialectsFromEnv();
const conversationSettings = {
  conversations: intEnv("BENCH_CONV_N", 10_000, 100, 200_000),
  messages: intEnv("BENCH_CONV_MESSAGES", 100_000, 100, 2_000_000),
  widgetRate: intEnv("BENCH_WIDGET_RATE", 100, 1, 2000),
  widgetSeconds: intEnv("BENCH_WIDGET_SECONDS", 20, 0, 300),
  repeats: intEnv("BENCH_CONV_REPEATS", 20, 1, 1000),
};

const say = (line: string) => console.log(line);
const rssKb = () => process.resourceUsage().maxRSS;

// Cleanup on Ctrl-C: the databases made so far are removed.
const made: BenchDatabase[] = [];
let interrupted = false;
process.on("SIGINT", () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  console.error("\ninterrupted: removing bench databases...");
  void Promise.allSettled(made.map((d) => d.destroy())).then(() => process.exit(130));
});

async function runDialect(dialect: Dialect): Promise<DialectRun> {
  say(`\n== ${dialect} ==`);
  const bench = await createBenchDatabase(dialect);
  made.push(bench);
  const run: DialectRun = { dialect, database: bench.label, benchPeakRssKb: 0 };
  say(`  database: ${bench.label} (fresh, migrated)`);
  try {
    const database = await openDatabase(bench.url);
    try {
      if (want("library")) run.library = await runLibraryPhases(database, settings, say);
    } finally {
      await database.close();
    }
    if (httpEnabled) {
      if (want("http")) run.http = await runHttpPhase(
        {
          n,
          concurrency: httpConcurrency,
          port,
          databaseUrl: bench.url,
          workerBatchSize: settings.worker.batchSize,
          workerConcurrency: settings.worker.concurrency,
          sandboxDeliveryMs: settings.sandboxDeliveryMs,
          budgetMs: settings.phaseBudgetMs,
        },
        say,
      );
      const serverSettings = { port, databaseUrl: bench.url, workerBatchSize: settings.worker.batchSize, workerConcurrency: settings.worker.concurrency, sandboxDeliveryMs: settings.sandboxDeliveryMs };
      run.webhooks = [];
      for (const workerEnabled of !want("webhooks") ? [] : webhookWorker === "both" ? [false, true] : [webhookWorker === "on"]) {
        run.webhooks.push(await runWebhookPhase({ ...serverSettings, rate: webhookRate, seconds: webhookSeconds, workerEnabled, prefix: `bench_wh_${workerEnabled ? "w" : "a"}_` }, say));
      }
      // The widget's send-latency target is SQLite's; PostgreSQL times the inbox's reads only.
      if (want("conversations")) {
        const widgetSeconds = dialect === "sqlite" || process.env.BENCH_WIDGET_PG === "1" ? conversationSettings.widgetSeconds : 0;
        run.conversations = await runConversationsPhase({ ...serverSettings, ...conversationSettings, widgetSeconds }, say);
      }
    }
  } catch (err) {
    run.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`  ${dialect} failed:`, err instanceof Error ? err.message : err);
  } finally {
    run.benchPeakRssKb = rssKb();
    await bench.destroy().catch((err) => console.error(`  could not remove ${bench.label}:`, err));
    made.splice(made.indexOf(bench), 1);
  }
  return run;
}

async function main() {
  const startedAt = new Date();
  const machine = machineInfo();
  say(`Herald bench: N=${n}, databases ${dialects.join(" + ")}, worker batchSize ${settings.worker.batchSize} × concurrency ${settings.worker.concurrency}, HTTP ${httpEnabled ? "on" : "off"}`);
  say(`${machine.cpus} CPUs, load average ${machine.loadAvg.map((l) => l.toFixed(2)).join(" ")} (other builds on this machine make the figures noisy)`);
  if (httpEnabled && (want("http") || want("webhooks") || want("conversations"))) {
    try {
      await ensureNextBuild(say, ["1", "true", "yes"].includes((process.env.BENCH_BUILD ?? "").toLowerCase()));
    } catch (err) {
      // The library phases do not need the build: run them, and say why HTTP was skipped.
      httpSkipped = (err instanceof Error ? err.message : String(err)).split("\n").slice(0, 12).join("\n");
      httpEnabled = false;
      say(`Skipping the HTTP phase: ${httpSkipped}`);
    }
  }

  const runs: DialectRun[] = [];
  let anchors: AnchorResult[] | undefined;
  for (const dialect of dialects) {
    runs.push(await runDialect(dialect));
    // The anchors right after Herald's PostgreSQL phases, on the same server.
    if (dialect === "postgres" && want("anchors")) {
      say("\n== pg-boss and graphile-worker (no-op jobs, same PostgreSQL server) ==");
      anchors = await runAnchors({ n, enqueueConcurrency: settings.enqueueConcurrency, latencyRate, latencyCount: settings.latencyCount, phaseBudgetMs: settings.phaseBudgetMs }, say, made);
    }
  }
  let trivial: TrivialResult | undefined;
  if (want("trivial") && !["0", "false", "no"].includes((process.env.BENCH_HTTP ?? "").toLowerCase())) {
    say("\n== trivial Next.js route handler (the yardstick for POST /api/messages) ==");
    trivial = await runTrivialPhase({ n, concurrency: httpConcurrency, port: port + 1, budgetMs: settings.phaseBudgetMs, rebuild: ["1", "true", "yes"].includes((process.env.BENCH_BUILD ?? "").toLowerCase()) }, say);
  }

  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { node: machine.node, cpus: machine.cpus, cpuModel: machine.cpuModel, memoryMb: machine.memoryMb, loadAvgAtStart: machine.loadAvg, loadAvgAtEnd: machineInfo().loadAvg },
    settings: { ...settings, httpConcurrency, httpEnabled, httpSkipped, webhookRate, webhookSeconds, conversations: conversationSettings },
    runs,
    anchors,
    trivial,
    benchPeakRssKb: rssKb(),
  };
  say("");
  say(renderReport(report));
  say(`Results: ${writeReport(report)}`);
  return httpSkipped || runs.some((r) => r.error || r.http?.error || r.webhooks?.some((w) => w.error) || r.conversations?.error) || anchors?.some((a) => a.error) || trivial?.error ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err);
    void Promise.allSettled(made.map((d) => d.destroy())).then(() => process.exit(1));
  });
