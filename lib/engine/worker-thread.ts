// The worker's own thread: its own context and database connection, its own providers,
// and the worker loop. It shares nothing with the main thread but messages
// (lib/engine/worker-protocol.ts): bus events go up to be re-emitted for Socket.IO; nudges
// and the stop come down. So HTTP, webhooks and health never wait on a draining backlog.
import { parentPort } from "node:worker_threads";
import { createContext, setContext } from "../context";
import type { BusEvents } from "../events/bus";
import { onEnqueued } from "../db/notify";
import { getErrorLogger } from "../errorlog/log-error";
import { createConfiguredWorker } from "./configured-worker";
import { metrics } from "../metrics";
import { CROSSING, STATUS_EVERY_MS, THREAD_METRICS, type FromThread, type MetricFamily, type ToThread } from "./worker-protocol";

const port = parentPort;
if (!port) throw new Error("lib/engine/worker-thread.ts runs only as a worker thread");
const post = (m: FromThread) => port.postMessage(m);

const ctx = createContext(process.env);
setContext(ctx);
const database = await ctx.database();
const { worker, providers } = createConfiguredWorker({ database, config: ctx.config, bus: ctx.bus });
// On PostgreSQL an enqueue on another replica wakes this worker too (LISTEN/NOTIFY; a no-op on SQLite).
const stopListening = onEnqueued(database, () => worker.nudge());

for (const name of Object.keys(CROSSING) as (keyof BusEvents)[]) {
  if (CROSSING[name]) ctx.bus.on(name, (value) => post({ type: "bus", name, value }));
}

const report = async () => {
  const families = (await metrics().registry.getMetricsAsJSON()).filter((f) => THREAD_METRICS.includes(f.name)) as MetricFamily[];
  post({ type: "status", worker: worker.status(), providers: providers.map((p) => ({ name: p.name, breaker: p.state?.() ?? null })), metrics: families });
};
const reporting = setInterval(() => void report(), STATUS_EVERY_MS);

port.on("message", (m: ToThread) => {
  if (m.type === "nudge") worker.nudge();
  else if (m.type === "stop") void stop(m.timeoutMs);
});

async function stop(timeoutMs: number) {
  clearInterval(reporting);
  stopListening();
  await worker.stop(timeoutMs);
  await report();
  await getErrorLogger().flush();
  await Promise.allSettled(providers.map((p) => p.close?.()));
  await ctx.close();
  post({ type: "stopped" });
  port!.close();
}

worker.start();
await report();
post({ type: "ready" });
