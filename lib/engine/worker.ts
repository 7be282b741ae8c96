// The worker: a small loop with explicit states (idle → running → stopping → stopped).
// Each tick claims due messages in batches, gates, and sends through the provider chain
// with bounded concurrency; each send's start and outcome are written as they happen
// (group commit, lib/engine/send-committer.ts) and published. Ticks never overlap; nudge() wakes the loop early after an enqueue.
import { randomBytes } from "node:crypto";
import type { Database } from "../db/client";
import type { Message } from "../generated/sqlite/client";
import { toError } from "../errors";
import type { EventBus } from "../events/bus";
import { claimDueMessages } from "../queue/claim";
import { transitionOf, type AttemptRow } from "../queue/send-progress";
import { applyStatusReports, type StatusReport } from "../queue/delivery";
import { snapshot } from "../queue/message-row";
import { publish } from "../queue/publish";
import { createSendCommitter } from "./send-committer";
import type { ProviderChains } from "../providers/registry";
import type { Provider } from "../providers/types";
import { loadGateContext } from "./gate";
import type { ErrorInput } from "../errorlog/log-error";
import type { ChannelPrices } from "../providers/segments";
import { createMessageHandler, type Handled } from "./handle-message";

export interface WorkerOptions {
  intervalMs: number;
  batchSize: number;
  concurrency: number;
  leaseMs: number;
  retryIntervalMs: number;
  owner?: string;
}

export interface WorkerDeps {
  database: Database;
  chains: ProviderChains;
  providers: Provider[];
  bus: EventBus;
  options: WorkerOptions;
  clock?: () => Date;
  log?: (message: string, err?: unknown) => void;
  /** Adds a recipient to the client's suppression list (a provider said they unsubscribed). */
  suppress?: (s: { clientId: string; address: string; reason: string; channel?: string }) => Promise<unknown>;
  /** Default estimate prices in cents (per SMS segment, per WhatsApp message, per email). */
  prices?: ChannelPrices;
  /** Where provider and worker failures are reported (the error log in production). */
  reportError?: (input: ErrorInput) => void;
}

/** Nudges closer together than this share one tick (bounded extra latency, far fewer queries). */
const NUDGE_GAP_MS = 8;

export type WorkerState = "idle" | "running" | "stopping" | "stopped";

export interface WorkerStatus {
  state: WorkerState;
  running: boolean;
  owner: string;
  lastTickAt: string | null;
  processed: number;
  lastError: string | null;
}

export function createWorker(deps: WorkerDeps) {
  const { database, bus, options } = deps;
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((m: string, e?: unknown) => console.error(`[worker] ${m}`, e ?? ""));
  const owner = options.owner ?? `worker-${process.pid}-${randomBytes(3).toString("hex")}`;
  let state: WorkerState = "idle";
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let nudged = false;
  let nudgeTimer: NodeJS.Timeout | undefined;
  let lastTickStart = 0;
  let lastTickAt: Date | null = null;
  let processed = 0;
  let lastError: string | null = null;

  const handler = createMessageHandler({ chains: deps.chains, clock, retryIntervalMs: options.retryIntervalMs, prices: deps.prices, suppress: deps.suppress });

  function schedule(delayMs: number) {
    if (state !== "running") return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), delayMs);
  }

  async function tick(): Promise<void> {
    if (state !== "running" || current) return;
    nudged = false;
    lastTickStart = performance.now();
    current = drain()
      .then(() => undefined)
      .catch((err) => {
        lastError = toError(err).message;
        log("tick failed", err);
        deps.reportError?.({ service: "worker", operation: "tick", errorType: "worker_crash", severity: "critical", message: lastError, context: { owner } });
      })
      .finally(() => {
        current = undefined;
        lastTickAt = clock();
        schedule(nudged ? Math.max(0, lastTickStart + NUDGE_GAP_MS - performance.now()) : options.intervalMs);
      });
    return current;
  }

  /** Claims and processes batches until fewer than a full batch is due. Returns how many were processed. */
  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await claimDueMessages(database, { owner, limit: options.batchSize, leaseMs: options.leaseMs, now: clock() });
      if (claimed.length === 0) return total;
      await processBatch(claimed);
      total += claimed.length;
      if (claimed.length < options.batchSize || state !== "running") return total;
    }
  }

  async function processBatch(claimed: Message[]): Promise<void> {
    publish(bus, claimed.map((m) => ({ name: "claim", message: snapshot({ ...m, status: "processing" }) })));
    const ctx = await loadGateContext(database, claimed, clock());
    const committer = createSendCommitter(database, owner, clock);
    let next = 0;
    let broken: unknown;
    // One runner per concurrent send: start recorded → provider call → outcome recorded, and
    // only then the next message, so at most `concurrency` sends are ever unaccounted for.
    const runOne = async () => {
      while (next < claimed.length && broken === undefined) {
        const m = claimed[next++]!;
        const started = performance.now();
        const beforeSend = () => committer.start({ id: m.id, recovered: m.sendStartedAt ? { attempt: m.attempts + 1 } : null });
        const result = await handler.handle(m, ctx, beforeSend).catch((err): Handled => ({
          outcome: handler.failureOutcome(m, "transient", `internal: ${toError(err).message}`, null),
          attempts: [],
        }));
        if (result === "lease_lost") continue;
        let applied: boolean;
        try {
          applied = await committer.finish(result.outcome, result.attempts);
        } catch (err) {
          broken = err;
          return;
        }
        reportProviderFailures(result.attempts, m);
        if (!applied) continue;
        processed += 1;
        const o = result.outcome;
        const after = snapshot({
          ...m,
          ...(o.sentAs && { channel: o.sentAs.channel, to: o.sentAs.to }),
          status: o.status,
          attempts: m.attempts + o.attemptsDelta,
          provider: o.provider ?? m.provider,
          lastError: o.status === "sent" ? null : o.lastError ?? m.lastError,
          nextAttemptAt: o.status === "failed" ? o.runAt ?? null : null,
        });
        publish(bus, [{ name: transitionOf(o), message: after, extra: { processingTimeMs: Math.round(performance.now() - started), error: o.status === "dead_letter" ? o.deadLetterReason : after.lastError } }]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, claimed.length) }, runOne));
    if (broken !== undefined) throw broken;
  }

  // A provider-class failure (auth, suspended account, sender not allowed) needs a human: critical.
  function reportProviderFailures(attempts: AttemptRow[], m: Message) {
    if (!deps.reportError) return;
    for (const a of attempts) {
      if (a.outcome !== "failed" || a.errorClass !== "provider") continue;
      deps.reportError({
        service: "providers",
        operation: `send:${a.provider}`,
        errorType: "provider",
        severity: "critical",
        message: `${a.provider}: ${a.error ?? "provider error"}`,
        clientId: m.clientId,
        context: { messageId: a.messageId, provider: a.provider, errorCode: a.errorCode },
      });
    }
  }

  // Delivery reports from in-process providers; a report that arrives before its
  // send was recorded is tried again shortly.
  async function onStatusReports(reports: StatusReport[], tries = 0): Promise<void> {
    try {
      const { transitions, unmatched } = await applyStatusReports(database, reports, clock());
      publish(bus, transitions);
      if (unmatched.length && tries < 20 && state !== "stopped") {
        const retry = reports.filter((r) => unmatched.includes(r.providerMessageId));
        setTimeout(() => void onStatusReports(retry, tries + 1), 250).unref();
      }
    } catch (err) {
      log("applying delivery reports failed", err);
    }
  }

  return {
    owner,
    start() {
      if (state === "running") return;
      state = "running";
      for (const p of deps.providers) p.onStatus?.((reports) => void onStatusReports(reports));
      schedule(0);
    },
    /**
     * Wakes the loop soon (a message was enqueued in this process). Nudges within
     * NUDGE_GAP_MS of the last tick's start are coalesced into one tick, so a steady
     * stream of single enqueues is sent in small batches rather than one tick each.
     */
    nudge() {
      if (state !== "running") return;
      if (current) {
        nudged = true;
        return;
      }
      if (nudgeTimer) return;
      const wait = Math.max(0, lastTickStart + NUDGE_GAP_MS - performance.now());
      clearTimeout(timer);
      nudgeTimer = setTimeout(() => {
        nudgeTimer = undefined;
        void tick();
      }, wait);
    },
    /** Stops claiming, waits (bounded) for the batch in flight, and stops. */
    async stop(timeoutMs = 10_000) {
      if (state === "stopped") return;
      state = "stopping";
      clearTimeout(timer);
      clearTimeout(nudgeTimer);
      if (current) await Promise.race([current, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
      state = "stopped";
    },
    /** Processes everything due now, once (tests and tools drive the worker with this). */
    async runOnce(): Promise<number> {
      const previous = state;
      state = "running";
      try {
        return await drain();
      } finally {
        state = previous === "running" ? "running" : previous;
      }
    },
    /** Lets tests feed delivery reports as a provider would. */
    applyReports: (reports: StatusReport[]) => onStatusReports(reports, 20),
    status(): WorkerStatus {
      return { state, running: state === "running", owner, lastTickAt: lastTickAt?.toISOString() ?? null, processed, lastError };
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
