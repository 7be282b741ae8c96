// What the main thread and the worker thread say to each other (lib/engine/worker-host.ts,
// lib/engine/worker-thread.ts). Values cross by structured clone: plain data only.
import type { BusEvents } from "../events/bus";
import type { BreakerState } from "../providers/circuit-breaker";
import type { MetricObjectWithValues, MetricValue } from "prom-client";
import type { WorkerStatus } from "./worker";

/** A metric family as prom-client serialises it (getMetricsAsJSON). */
export type MetricFamily = MetricObjectWithValues<MetricValue<string>>;

export type ToThread = { type: "nudge" } | { type: "stop"; timeoutMs: number };

export interface ProviderSnapshot {
  name: string;
  breaker: BreakerState | null;
}

export type FromThread =
  | { type: "ready" }
  | { type: "bus"; name: keyof BusEvents; value: BusEvents[keyof BusEvents] }
  | { type: "status"; worker: WorkerStatus; providers: ProviderSnapshot[]; metrics: MetricFamily[] }
  | { type: "stopped" };

/**
 * The bus events the thread hands to the main thread, which re-emits them for Socket.IO,
 * alerts and metrics. Written as a map so that a new kind of bus event is a compile error
 * here until somebody decides whether it crosses.
 */
export const CROSSING: Record<keyof BusEvents, boolean> = {
  message: true,
  error: true,
  call: true,
  inbound: true,
  conversation: true,
  enqueued: true,
};

/**
 * The metric families the thread counts (its providers are observed there) and the main
 * thread's /api/metrics adds to its own. Process metrics stay the main thread's: the thread's
 * would count the same process twice.
 */
export const THREAD_METRICS = ["herald_provider_attempts_total", "herald_provider_send_duration_seconds"];

/** How often the thread reports its state (health reads the last report, never waits). */
export const STATUS_EVERY_MS = 500;
