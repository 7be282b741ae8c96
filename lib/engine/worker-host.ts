// The main thread's side of the worker thread: starts it (one deployable, one command),
// re-emits its bus events on the main bus (Socket.IO, alerts and metrics listen there),
// passes enqueue nudges down, keeps its last status for /api/health, restarts it if it
// dies, and stops it on shutdown. The loop itself is lib/engine/worker.ts.
import { Worker } from "node:worker_threads";
import type { EventBus } from "../events/bus";
import type { BreakerState } from "../providers/circuit-breaker";
import type { WorkerStatus } from "./worker";
import type { FromThread, MetricFamily, ProviderSnapshot, ToThread } from "./worker-protocol";

const BOOT = new URL("./worker-thread-boot.mjs", import.meta.url);
const ENTRY = new URL("./worker-thread.ts", import.meta.url).href;
const RESTART_AFTER_MS = 1_000;

export interface WorkerHost {
  status(): WorkerStatus;
  nudge(): void;
  /** The breaker state the thread last reported for a provider. */
  breaker(provider: string): BreakerState | undefined;
  /** The thread's own metric families, as it last reported them (lib/metrics.ts adds them to this thread's). */
  metrics(): MetricFamily[];
  /** Resolves once the thread has opened its database and started its loop. */
  ready: Promise<void>;
  stop(timeoutMs: number): Promise<void>;
}

export function startWorkerThread(deps: { bus: EventBus; log?: (message: string, err?: unknown) => void }): WorkerHost {
  const { bus } = deps;
  const log = deps.log ?? ((m: string, e?: unknown) => console.error(`[worker] ${m}`, e ?? ""));
  let status: WorkerStatus = { state: "idle", running: false, owner: "", lastTickAt: null, processed: 0, lastError: null };
  let breakers = new Map<string, BreakerState | null>();
  let families: MetricFamily[] = [];
  let stopping = false;
  let nudgePosted = false;
  let thread: Worker;
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let stopped: (() => void) | undefined;

  const send = (m: ToThread) => thread.postMessage(m);

  function spawn() {
    thread = new Worker(BOOT, { workerData: { entry: ENTRY } });
    thread.on("message", (m: FromThread) => {
      if (m.type === "bus") bus.emit(m.name, m.value as never);
      else if (m.type === "status") {
        status = m.worker;
        breakers = new Map(m.providers.map((p: ProviderSnapshot) => [p.name, p.breaker]));
        families = m.metrics;
      } else if (m.type === "ready") markReady();
      else if (m.type === "stopped") stopped?.();
    });
    thread.on("error", (err) => log("the worker thread failed", err));
    thread.on("exit", (code) => {
      status = { ...status, state: "stopped", running: false };
      if (stopping) return stopped?.();
      log(`the worker thread exited (code ${code}); starting a new one in ${RESTART_AFTER_MS} ms`);
      setTimeout(() => stopping || spawn(), RESTART_AFTER_MS).unref();
    });
  }
  spawn();

  return {
    ready,
    status: () => status,
    metrics: () => families,
    breaker: (provider) => breakers.get(provider) ?? undefined,
    // Many enqueues in one turn of the event loop cross as one nudge.
    nudge() {
      if (nudgePosted || stopping) return;
      nudgePosted = true;
      setImmediate(() => {
        nudgePosted = false;
        if (!stopping) send({ type: "nudge" });
      });
    },
    async stop(timeoutMs) {
      if (stopping) return;
      stopping = true;
      const done = new Promise<void>((resolve) => (stopped = resolve));
      send({ type: "stop", timeoutMs });
      const late = setTimeout(() => void thread.terminate(), timeoutMs + 2_000);
      await done;
      clearTimeout(late);
      await thread.terminate().catch(() => 0);
    },
  };
}
