// Prometheus metrics for /api/metrics, with prom-client: seconds, counters ending in _total,
// every labelled family present at 0, Node's default process metrics. Two kinds:
//  - this process's counters and histograms (webhooks, calls, message events, provider
//    attempts), incremented where things happen; they start at 0 with the process;
//  - gauges read when scraped: messages by client/channel/status, queue depth and lag, calls
//    (from the database, so every replica reports the same values) and each provider's
//    breaker and credential check (this process's memory).
// The registry is kept in the context (server.ts and Next's bundled route handlers share it).
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { contextSlot, getContext } from "./context";
import type { Db } from "./db/client";
import { CHANNELS, ERROR_CLASSES, MESSAGE_STATUSES } from "./domain/words";
import { CLAIMABLE_STATUSES } from "./queue/transitions";

export const WEBHOOK_SOURCES = ["calls", "twilio_status", "twilio_inbound", "sendgrid"] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];
const CALL_EVENTS = ["started", "ended", "analyzed"] as const;
const MESSAGE_EVENTS = ["queued", "processing", "sent", "failed", "dead_letter", "retry", "cancelled", "delivered", "read"] as const;
const BREAKER_STATES = ["closed", "open", "half_open"] as const;
const CHECK_STATUSES = ["ok", "failing", "unchecked"] as const;

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const r = { registers: [registry] };
  const m = {
    registry,
    webhooksReceived: new Counter({ name: "herald_webhooks_received_total", help: "Webhook requests received, by source.", labelNames: ["source"] as const, ...r }),
    webhooksRefused: new Counter({ name: "herald_webhooks_refused_total", help: "Webhook requests refused (4xx), by source and error code.", labelNames: ["source", "code"] as const, ...r }),
    callEvents: new Counter({ name: "herald_call_events_total", help: "Call events recorded, by event.", labelNames: ["event"] as const, ...r }),
    messageEvents: new Counter({ name: "herald_message_events_total", help: "Message status changes seen by this process, by event and channel.", labelNames: ["event", "channel"] as const, ...r }),
    providerAttempts: new Counter({ name: "herald_provider_attempts_total", help: "Provider calls, by provider, outcome and error class (none on success).", labelNames: ["provider", "outcome", "error_class"] as const, ...r }),
    providerSendSeconds: new Histogram({
      name: "herald_provider_send_duration_seconds",
      help: "Provider call duration in seconds (quick retries and rate-limit waits included).",
      labelNames: ["provider"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      ...r,
    }),
    httpFailures: new Counter({ name: "herald_http_request_failures_total", help: "API requests answered with an error body, by status and error code.", labelNames: ["status", "code"] as const, ...r }),
    messages: new Gauge({ name: "herald_messages", help: "Messages in the database, by client, channel and status.", labelNames: ["client", "channel", "status"] as const, ...r }),
    queueDepth: new Gauge({ name: "herald_queue_depth", help: "Messages due now and waiting for the worker, by channel.", labelNames: ["channel"] as const, ...r }),
    queueScheduled: new Gauge({ name: "herald_queue_scheduled", help: "Messages waiting for a later time (scheduled, retry or business hours), by channel.", labelNames: ["channel"] as const, ...r }),
    queueLag: new Gauge({ name: "herald_queue_lag_seconds", help: "How long the oldest due message has been waiting, in seconds (0 when none is due).", ...r }),
    calls: new Gauge({ name: "herald_calls", help: "Calls in the database, by outcome (pending: not analyzed yet).", labelNames: ["outcome"] as const, ...r }),
    breakerState: new Gauge({ name: "herald_provider_breaker_state", help: "1 for each provider's current circuit-breaker state, 0 for the others.", labelNames: ["provider", "state"] as const, ...r }),
    providerCheck: new Gauge({ name: "herald_provider_credentials_check", help: "1 for each provider's credential check result at start, 0 for the others.", labelNames: ["provider", "status"] as const, ...r }),
    workerRunning: new Gauge({ name: "herald_worker_running", help: "1 while this process's worker is running.", ...r }),
  };
  for (const source of WEBHOOK_SOURCES) m.webhooksReceived.inc({ source }, 0);
  for (const event of CALL_EVENTS) m.callEvents.inc({ event }, 0);
  for (const event of MESSAGE_EVENTS) for (const channel of CHANNELS) m.messageEvents.inc({ event, channel }, 0);
  for (const channel of CHANNELS) m.queueDepth.set({ channel }, 0);
  for (const channel of CHANNELS) m.queueScheduled.set({ channel }, 0);
  m.queueLag.set(0);
  m.workerRunning.set(0);
  return m;
}

export type HeraldMetrics = ReturnType<typeof build>;

/** The process's metrics (one registry, in the context). */
export function metrics(): HeraldMetrics {
  return contextSlot("metrics", build);
}

/** A provider's families at 0 from the start, so a rate() over them works before the first failure. */
export function registerProviderMetrics(provider: string): void {
  const m = metrics();
  m.providerAttempts.inc({ provider, outcome: "sent", error_class: "none" }, 0);
  for (const errorClass of ERROR_CLASSES) m.providerAttempts.inc({ provider, outcome: "failed", error_class: errorClass }, 0);
  m.providerSendSeconds.zero({ provider });
}

/** Which webhook a request path is, if any. */
export function webhookSourceOf(path: string): WebhookSource | undefined {
  const match = /^\/api\/webhooks\/(calls|twilio\/status|twilio\/inbound|sendgrid)\/?$/.exec(path);
  return match ? (match[1]!.replace("/", "_") as WebhookSource) : undefined;
}

async function refreshDatabaseGauges(m: HeraldMetrics, db: Db, now: Date): Promise<void> {
  const waiting = { status: { in: [...CLAIMABLE_STATUSES].filter((s) => s !== "processing") } };
  const [clients, byClient, due, later, oldest, calls] = await Promise.all([
    db.client.findMany({ select: { id: true } }),
    db.message.groupBy({ by: ["clientId", "channel", "status"], _count: { _all: true } }),
    db.message.groupBy({ by: ["channel"], where: { ...waiting, runAt: { lte: now } }, _count: { _all: true } }),
    db.message.groupBy({ by: ["channel"], where: { ...waiting, runAt: { gt: now } }, _count: { _all: true } }),
    db.message.findFirst({ where: { ...waiting, runAt: { lte: now } }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
    db.call.groupBy({ by: ["outcome"], _count: { _all: true } }),
  ]);
  m.messages.reset();
  for (const { id } of clients) for (const channel of CHANNELS) for (const status of MESSAGE_STATUSES) m.messages.set({ client: id, channel, status }, 0);
  for (const row of byClient) m.messages.set({ client: row.clientId, channel: row.channel, status: row.status }, row._count._all);
  for (const channel of CHANNELS) {
    m.queueDepth.set({ channel }, due.find((d) => d.channel === channel)?._count._all ?? 0);
    m.queueScheduled.set({ channel }, later.find((d) => d.channel === channel)?._count._all ?? 0);
  }
  m.queueLag.set(oldest ? Math.max(0, (now.getTime() - oldest.runAt.getTime()) / 1000) : 0);
  m.calls.reset();
  for (const outcome of ["booked", "interested", "not_connected", "none", "pending"]) m.calls.set({ outcome }, 0);
  for (const row of calls) m.calls.set({ outcome: row.outcome ?? "pending" }, row._count._all);
}

function refreshRuntimeGauges(m: HeraldMetrics): void {
  const runtime = getContext().runtime;
  m.workerRunning.set(runtime?.worker?.status().running ? 1 : 0);
  for (const p of runtime?.providers ?? []) {
    const state = p.state?.()?.state ?? "closed";
    for (const s of BREAKER_STATES) m.breakerState.set({ provider: p.name, state: s }, s === state ? 1 : 0);
  }
  for (const [provider, check] of providerCheckSnapshot()) {
    for (const s of CHECK_STATUSES) m.providerCheck.set({ provider, status: s }, s === check ? 1 : 0);
  }
}

/** Set by lib/ops/provider-checks.ts: each provider's check status (ok, failing, unchecked). */
export function providerCheckSnapshot(): Map<string, (typeof CHECK_STATUSES)[number]> {
  return contextSlot("metrics:provider-checks", () => new Map());
}

/** The Prometheus text exposition and its content type. */
export async function renderMetrics(db: Db, now = new Date()): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  await refreshDatabaseGauges(m, db, now);
  refreshRuntimeGauges(m);
  // The worker thread counts its providers' calls in a registry of its own: add them in.
  const fromThread = getContext().runtime?.worker?.metrics?.() ?? [];
  if (!fromThread.length) return { body: await m.registry.metrics(), contentType: m.registry.contentType };
  const merged = AggregatorRegistry.aggregate([await m.registry.getMetricsAsJSON(), fromThread]);
  return { body: await merged.metrics(), contentType: m.registry.contentType };
}
