// Herald's one deployable: Next.js (console + API), Socket.IO and the worker on one port.
// Wiring and shutdown only; everything else lives in lib/.
import { createServer } from "node:http";
import next from "next";
import nextEnv from "@next/env";
import { ensureSecrets } from "./lib/auth/secrets";
import { createContext, setContext } from "./lib/context";
import { startWorkerThread } from "./lib/engine/worker-host";
import { createProviderChains } from "./lib/providers/registry";
import { attachRealtime } from "./lib/realtime/server";
import { joinRealtimeCluster } from "./lib/realtime/cluster";
import { startAlerts } from "./lib/alerts/start-alerts";
import { emailViaChain } from "./lib/alerts/email-via-chain";
import { startDailyPrune } from "./lib/retention/start-daily-prune";
import { getErrorLogger } from "./lib/errorlog/log-error";
import { serveEdge } from "./lib/http/edge";

async function main() {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production"); // .env files, as Next would
  const generated = ensureSecrets(process.env);
  // The one context: built here, found by the bundled route handlers under one global key.
  const ctx = createContext(process.env);
  setContext(ctx);
  const { config, bus } = ctx;
  const dev = config.NODE_ENV !== "production";

  const httpServer = createServer();
  const app = next({ dev, hostname: config.HOST, port: config.PORT, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Every request passes lib/http/edge.ts first (headers, body limits, health, call events); the rest is Next.
  httpServer.on("request", (req, res) => void serveEdge(req, res, handle));

  const database = await ctx.database();
  const io = attachRealtime(httpServer, database, bus);
  const leaveCluster = config.REALTIME_CLUSTER ? await joinRealtimeCluster(io, database.dialect.name, config.DATABASE_URL) : async () => {};
  // The worker runs in its own thread with its own connection (lib/engine/worker-host.ts);
  // this thread keeps its providers for alert emails and for naming them in /api/health.
  const { chains, providers } = createProviderChains(config);
  const worker = config.WORKER_ENABLED ? startWorkerThread({ bus }) : undefined;
  bus.on("enqueued", () => worker?.nudge());
  ctx.runtime = {
    startedAt: new Date(),
    worker,
    providers: providers.map((p) => ({ name: p.name, channels: p.channels, state: worker && (() => worker.breaker(p.name) ?? p.state?.()) })),
  };
  await worker?.ready;
  const stopAlerts = startAlerts({
    bus,
    db: database.db,
    config,
    sendEmail: config.ALERT_EMAIL ? emailViaChain(chains.email, config.EMAIL_FROM) : undefined,
    lagCheckIntervalMs: worker ? undefined : 0, // an API-only replica leaves lag alerts to the workers
  });
  const stopPrune = worker ? startDailyPrune({ database, config }) : undefined;

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  console.log(`Herald is running: ${config.PUBLIC_URL} (console: ${config.PUBLIC_URL}/messages)`);
  console.log(`  database: ${config.DATABASE_URL.startsWith("file:") ? config.DATABASE_URL : "postgresql"}; worker: ${worker ? "on" : "off"}`);
  if (generated.ADMIN_PASSWORD) console.log(`  admin password (generated, kept in data/secrets.json): ${generated.ADMIN_PASSWORD}`);
  if (generated.ADMIN_API_KEY) console.log(`  admin API key  (generated, kept in data/secrets.json): ${generated.ADMIN_API_KEY}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping (finishing in-flight sends)...`);
    const force = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + 5000);
    force.unref();
    await worker?.stop(config.SHUTDOWN_TIMEOUT_MS);
    await stopPrune?.();
    await stopAlerts();
    await getErrorLogger().flush();
    // io.close() also closes the HTTP server, whose callback waits for every open
    // connection: end the browsers' kept-alive connections too, or a console tab left
    // open would hold the shutdown until the force timer.
    const closed = new Promise<void>((resolve) => io.close(() => resolve()));
    httpServer.closeAllConnections();
    await closed;
    await leaveCluster();
    await Promise.allSettled(providers.map((p) => p.close?.()));
    await ctx.close();
    console.log("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
