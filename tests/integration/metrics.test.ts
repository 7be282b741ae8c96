// GET /api/metrics (the route handler) after real traffic on SQLite: sends through the sandbox
// provider with the registry's wrappers, a dead letter, a refused call webhook. The text is read
// by a Prometheus text-format parser (parse-prometheus-text-format), and the conventions are
// checked: seconds not milliseconds, counters named *_total, labelled gauges present at 0,
// Node's default process metrics.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import parsePrometheusTextFormat, { type Family } from "parse-prometheus-text-format";
import { GET } from "../../app/api/metrics/route";
import { handleCallWebhook } from "../../lib/calls/webhook";
import { parseConfig } from "../../lib/config";
import { createContext, setContext, type HeraldContext } from "../../lib/context";
import { createWorker } from "../../lib/engine/worker";
import { errorOutcome } from "../../lib/http/route";
import { submitMessage } from "../../lib/messages/submit";
import { observeBus } from "../../lib/ops/observe";
import { createProviderChains } from "../../lib/providers/registry";
import { messageInputSchema } from "../../lib/schemas/message";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

describe("GET /api/metrics", () => {
  let t: TestDatabase;
  let ctx: HeraldContext;
  let families: Map<string, Family>;
  let text: string;
  let contentType: string | null;
  let clientId: string;

  before(async () => {
    t = await createTestDatabase("sqlite");
    const env = { DATABASE_URL: t.url, SANDBOX_DELIVERY_MS: "0", RETELL_API_KEY: "metrics-retell-key", LOG_LEVEL: "silent" };
    ctx = createContext(env);
    setContext(ctx);
    const database = await ctx.database();
    const stopObserving = observeBus(ctx.bus);
    clientId = (await makeClient(database.db)).client.id;
    const { chains, providers } = createProviderChains(parseConfig(env));
    const worker = createWorker({ database, chains, providers, bus: ctx.bus, options: { intervalMs: 1000, batchSize: 50, concurrency: 2, leaseMs: 30_000, retryIntervalMs: 60_000 } });
    ctx.runtime = { startedAt: new Date(), worker, providers };
    const admin = { kind: "admin", via: "key" } as const;
    for (const to of ["+15551230000", "+15551230003", "+15550000001"]) {
      await submitMessage({ database, bus: ctx.bus, config: ctx.config }, admin, messageInputSchema.parse({ clientId, channel: "sms", to, body: "hello" }));
    }
    await worker.runOnce();
    await submitMessage({ database, bus: ctx.bus, config: ctx.config }, admin, messageInputSchema.parse({ clientId, channel: "email", to: "later@example.com", subject: "s", body: "b", scheduledFor: new Date(Date.now() + 3_600_000).toISOString() }));
    await handleCallWebhook({ database, bus: ctx.bus, config: ctx.config }, "{}", "v=1,d=00").catch((err) => errorOutcome(err, "POST /api/webhooks/calls"));
    const res = await GET(new Request("http://herald.test/api/metrics"), { params: Promise.resolve({}) });
    assert.equal(res.status, 200);
    contentType = res.headers.get("content-type");
    text = await res.text();
    families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
    stopObserving();
  });
  after(async () => {
    await ctx.close();
    setContext(undefined);
    await t.destroy();
  });

  const family = (name: string, type: string) => {
    const f = families.get(name);
    assert.ok(f, `${name} is exposed; got ${[...families.keys()].filter((n) => n.startsWith("herald_")).join(", ")}`);
    assert.equal(f.type, type.toUpperCase(), `${name} is a ${type}`);
    assert.ok(f.help.length > 0, `${name} has HELP`);
    return f;
  };
  const value = (f: Family, labels: Record<string, string>) => {
    const s = f.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
    assert.ok(s, `${f.name}${JSON.stringify(labels)} is present:\n${JSON.stringify(f.metrics)}`);
    return Number(s.value);
  };

  test("Prometheus text format, parsed; the conventions hold for every family", () => {
    assert.match(contentType ?? "", /^text\/plain; version=0\.0\.4/);
    assert.ok(families.size > 20);
    for (const f of families.values()) {
      if (f.type === "COUNTER") assert.match(f.name, /_total$/, `counter ${f.name} ends in _total`);
      assert.doesNotMatch(f.name, /_ms\b|milliseconds/, `${f.name} is in seconds`);
    }
  });

  test("default process metrics", () => {
    family("process_cpu_seconds_total", "counter");
    family("process_resident_memory_bytes", "gauge");
    family("nodejs_eventloop_lag_seconds", "gauge");
    family("nodejs_heap_size_used_bytes", "gauge");
  });

  test("messages by client, channel and status, present at 0", () => {
    const m = family("herald_messages", "gauge");
    assert.equal(value(m, { client: clientId, channel: "sms", status: "dead_letter" }), 1);
    assert.equal(value(m, { client: clientId, channel: "sms", status: "delivered" }) + value(m, { client: clientId, channel: "sms", status: "sent" }), 2);
    assert.equal(value(m, { client: clientId, channel: "whatsapp", status: "failed" }), 0);
    const events = family("herald_message_events_total", "counter");
    assert.equal(value(events, { event: "dead_letter", channel: "sms" }), 1);
    assert.equal(value(events, { event: "sent", channel: "sms" }), 2);
    assert.equal(value(events, { event: "retry", channel: "whatsapp" }), 0);
  });

  test("provider attempts by outcome and error class, send duration in seconds, breaker state", () => {
    const attempts = family("herald_provider_attempts_total", "counter");
    assert.equal(value(attempts, { provider: "sandbox", outcome: "sent", error_class: "none" }), 2);
    assert.equal(value(attempts, { provider: "sandbox", outcome: "failed", error_class: "recipient" }), 1);
    assert.equal(value(attempts, { provider: "sandbox", outcome: "failed", error_class: "transient" }), 0);
    // The parser folds a labelled histogram into one bucket map (one provider here) and drops
    // its labelled _sum and _count, so those are read from the text.
    const buckets = family("herald_provider_send_duration_seconds", "histogram").metrics[0]?.buckets ?? {};
    assert.deepEqual(new Set(Object.keys(buckets)), new Set(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]));
    assert.equal(Number(buckets["+Inf"]), 3);
    assert.match(text, /^herald_provider_send_duration_seconds_count\{provider="sandbox"\} 3$/m);
    const sum = Number(/^herald_provider_send_duration_seconds_sum\{provider="sandbox"\} (\S+)$/m.exec(text)?.[1]);
    assert.ok(sum >= 0 && sum < 5, `seconds, not milliseconds (sum ${sum})`);
    const breaker = family("herald_provider_breaker_state", "gauge");
    assert.equal(value(breaker, { provider: "sandbox", state: "closed" }), 1);
    assert.equal(value(breaker, { provider: "sandbox", state: "open" }), 0);
  });

  test("queue depth, scheduled and lag in seconds, by channel, present at 0", () => {
    const depth = family("herald_queue_depth", "gauge");
    for (const channel of ["sms", "email", "whatsapp"]) assert.equal(value(depth, { channel }), 0);
    assert.equal(value(family("herald_queue_scheduled", "gauge"), { channel: "email" }), 1);
    assert.equal(Number(family("herald_queue_lag_seconds", "gauge").metrics[0]?.value), 0);
  });

  test("webhooks received and refused, calls, failed requests", () => {
    const received = family("herald_webhooks_received_total", "counter");
    for (const source of ["calls", "twilio_status", "twilio_inbound", "sendgrid"]) assert.equal(value(received, { source }), 0); // counted at the edge, not here
    assert.equal(value(family("herald_webhooks_refused_total", "counter"), { source: "calls", code: "INVALID_SIGNATURE" }), 1);
    assert.equal(value(family("herald_http_request_failures_total", "counter"), { status: "401", code: "INVALID_SIGNATURE" }), 1);
    assert.equal(value(family("herald_call_events_total", "counter"), { event: "analyzed" }), 0);
    assert.equal(value(family("herald_calls", "gauge"), { outcome: "booked" }), 0);
    assert.equal(Number(family("herald_worker_running", "gauge").metrics[0]?.value), 0);
  });
});
