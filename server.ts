// Herald's one deployable: Next.js (console + API), Socket.IO and the worker on one port.
// Wiring and shutdown only; everything else lives in lib/.
import { createServer } from "node:http";
import next from "next";
import { ensureSecrets } from "./lib/auth/secrets";
import { ensureOwner } from "./lib/auth/owner";
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
import type { EdgeRoutes, WebHandler } from "./lib/http/edge-routes";
import { POST as enqueueRoute } from "./app/api/messages/route";
import { POST as widgetSendRoute } from "./app/api/v1/widget/send/route";
import { getLog, startupLog } from "./lib/log";
import { loadEnvFiles } from "./lib/ops/env";
import { listenOn, preflight } from "./lib/ops/preflight";
import { failStart } from "./lib/ops/startup-error";
import { logStarted } from "./lib/ops/started";
import { observeBus } from "./lib/ops/observe";
import { startProviderChecks } from "./lib/ops/provider-checks";

async function main() {
  loadEnvFiles(); // .env files, as Next would (and as npm run db:migrate does)
  const generated = ensureSecrets(process.env);
  // The one context: built here, found by the bundled route handlers under one global key.
  const ctx = createContext(process.env);
  setContext(ctx);
  const { config, bus } = ctx;
  const dev = config.NODE_ENV !== "production";
  const log = getLog();
  // Port free, database reachable, this SQLite file not in use by another Herald: else one line and exit 1.
  const lock = await preflight(config);

  const httpServer = createServer();
  const app = next({ dev, hostname: config.HOST, port: config.PORT, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Every request passes lib/http/edge.ts first (headers, body limits, health, call events,
  // the hot API routes with their own handlers); the rest is Next.
  // The widget's send too: each message typed in a widget is one request (~4 ms of Next's pipeline).
  const edgeRoutes: EdgeRoutes = new Map<string, WebHandler>([["POST /api/messages", enqueueRoute], ["POST /api/v1/widget/send", widgetSendRoute as WebHandler]]);
  httpServer.on("request", (req, res) => void serveEdge(req, res, handle, edgeRoutes));

  const database = await ctx.database();
  await ensureOwner(database.db); // the first start creates the owner (ADMIN_EMAIL, ADMIN_PASSWORD)
  const io = attachRealtime(httpServer, database, bus);
  const leaveCluster = config.REALTIME_CLUSTER ? await joinRealtimeCluster(io, database.dialect.name, config.DATABASE_URL) : async () => {};
  // The worker runs in its own thread with its own connection (lib/engine/worker-host.ts);
  // this thread keeps its providers for alert emails and for naming them in /api/health.
  const { chains, providers } = createProviderChains(config);
  const stopObserving = observeBus(bus);
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

  await listenOn(httpServer, config);
  logStarted(log, config, { worker: Boolean(worker), generated });
  const stopChecks = startProviderChecks(providers, config);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping (finishing in-flight sends)");
    const force = setTimeout(() => {
      log.error({ signal }, `did not stop within ${config.SHUTDOWN_TIMEOUT_MS + 5000} ms: exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 5000);
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
    stopObserving();
    stopChecks();
    await ctx.close();
    lock.release();
    log.info({ signal }, "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => failStart(startupLog(), err));
