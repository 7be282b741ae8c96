// What the main thread and the worker thread say to each other (lib/engine/worker-host.ts,
// lib/engine/worker-thread.ts). Values cross by structured clone: plain data only.
import type { BusEvents } from "../events/bus";
import type { BreakerState } from "../providers/circuit-breaker";
import type { WorkerStatus } from "./worker";

export type ToThread = { type: "nudge" } | { type: "stop"; timeoutMs: number };

export interface ProviderSnapshot {
  name: string;
  breaker: BreakerState | null;
}

export type FromThread =
  | { type: "ready" }
  | { type: "bus"; name: keyof BusEvents; value: BusEvents[keyof BusEvents] }
  | { type: "status"; worker: WorkerStatus; providers: ProviderSnapshot[] }
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
  enqueued: true,
};

/** How often the thread reports its state (health reads the last report, never waits). */
export const STATUS_EVERY_MS = 500;
