// Alerts end to end in one process: the real worker sends through the real Twilio client to a
// local stand-in that refuses the credentials; the error log records it; the alerter posts to
// a local Slack receiver. Time is a fake clock; windows end when the test says so.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import type { Alerter } from "../../lib/alerts/alerter";
import { createAlerter } from "../../lib/alerts/alerter";
import { measureQueueLag, startAlerts } from "../../lib/alerts/start-alerts";
import { recordOnce } from "../../lib/webhooks/record-once";
import { createWorker, type Worker } from "../../lib/engine/worker";
import { createErrorLogger, type ErrorLogger } from "../../lib/errorlog/log-error";
import { EventBus } from "../../lib/events/bus";
import { createTwilioProvider } from "../../lib/providers/twilio";
import { enqueueMessage } from "../../lib/queue/enqueue";
import { messageInputSchema } from "../../lib/schemas/message";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";
import { FakeClock, makeClient } from "../helpers/fixtures";

const PUBLIC_URL = "https://herald.example.com";
const MIN = 60_000;

interface Receiver {
  url: string;
  bodies: unknown[];
  close(): Promise<void>;
}

/** A local HTTP endpoint on 127.0.0.1 (port 0) that records JSON or form bodies and answers as told. */
async function startReceiver(answer: (body: string) => { status: number; body: unknown } | "stall"): Promise<Receiver> {
  const bodies: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const isJson = String(req.headers["content-type"]).includes("json");
      bodies.push(isJson ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw)));
      const reply = answer(raw);
      if (reply === "stall") return;
      res.writeHead(reply.status, { "Content-Type": typeof reply.body === "string" ? "text/plain" : "application/json" });
      res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

type SlackBody = { text: string; blocks: { text?: { text: string }; elements?: { text: string }[] }[] };
const slackText = (b: unknown) => {
  const body = b as SlackBody;
  return [body.text, ...body.blocks.flatMap((x) => [x.text?.text ?? "", ...(x.elements ?? []).map((e) => e.text)])].join("\n");
};

describe("alerts", () => {
  let t: TestDatabase;
  let slack: Receiver;
  let twilio: Receiver;
  let clientId: string;
  let logger: ErrorLogger;
  let alerter: Alerter;
  let stopAlerts: () => Promise<void>;
  let worker: Worker;
  const clock = new FakeClock();
  const bus = new EventBus();
  const emails: { to: string; subject: string; body: string }[] = [];

  const enqueue = (to: string, now = clock.now()) =>
    enqueueMessage(t, messageInputSchema.parse({ clientId, channel: "sms", to, body: "See you tomorrow at 10:00" }), { maxAttempts: 3, now });
  const settle = async () => {
    await logger.flush();
    await alerter.idle();
  };

  before(async () => {
    [t, slack] = await Promise.all([createTestDatabase("sqlite"), startReceiver(() => ({ status: 200, body: "ok" }))]);
    // Twilio's answer to a wrong auth token, and to a number it will never reach.
    twilio = await startReceiver((raw) =>
      new URLSearchParams(raw).get("To")?.endsWith("0001")
        ? { status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } }
        : { status: 401, body: { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 } },
    );
    clientId = (await makeClient(t.db, { smsFrom: "+15550001111" })).client.id;
    logger = createErrorLogger(async () => t.db, bus, { flushMs: 5 });
    stopAlerts = startAlerts({
      bus,
      db: t.db,
      config: { PUBLIC_URL, SLACK_WEBHOOK_URL: `${slack.url}/services/T000/B000/XXXX`, ALERT_EMAIL: "ops@example.com" },
      sendEmail: async (to, subject, body) => void emails.push({ to, subject, body }),
      clock: clock.now,
      logError: logger.log,
      lagCheckIntervalMs: 0,
      sweepIntervalMs: 3_600_000, // the test sweeps by itself
      onAlerter: (a) => (alerter = a),
    });
    const provider = createTwilioProvider({ accountSid: "AC00000000000000000000000000000001", authToken: "revoked", apiBaseUrl: twilio.url, statusCallbackUrl: `${PUBLIC_URL}/api/webhooks/twilio/status` });
    worker = createWorker({
      database: t,
      chains: { sms: [provider], whatsapp: [provider], email: [] },
      providers: [provider],
      bus,
      clock: clock.now,
      options: { intervalMs: 50, batchSize: 50, concurrency: 5, leaseMs: 30_000, retryIntervalMs: MIN },
      reportError: logger.log,
    });
  });
  after(async () => {
    await stopAlerts();
    await Promise.all([t.destroy(), slack.close(), twilio.close()]);
  });

  test("a provider auth failure makes one critical entry, one Slack post and one email", async () => {
    await enqueue("+15551230000");
    assert.equal(await worker.runOnce(), 1);
    await settle();

    const critical = await t.db.errorLog.findMany({ where: { severity: "critical" } });
    assert.equal(critical.length, 1);
    assert.match(critical[0]!.message, /twilio: Authenticate/);
    assert.equal(critical[0]!.clientId, clientId);

    assert.equal(slack.bodies.length, 1);
    const text = slackText(slack.bodies[0]);
    assert.match(text, /Critical error in providers/);
    assert.match(text, /twilio: Authenticate/);
    assert.match(text, new RegExp(`<${PUBLIC_URL}/errors\\?severity=critical&resolved=false[^|>]*\\|Open in Herald>`));
    assert.equal(emails.length, 1);
    assert.equal(emails[0]!.to, "ops@example.com");
    assert.match(emails[0]!.subject, /Critical error in providers/);
    assert.match(emails[0]!.body, new RegExp(`${PUBLIC_URL}/errors`));
  });

  test("50 more of the same within a minute are summarised once when the window ends", async () => {
    clock.advance(20_000);
    for (let i = 0; i < 50; i++) await enqueue(`+1555124${5000 + i}`);
    assert.equal(await worker.runOnce(), 50);
    await settle();
    // One entry counting all 51 occurrences (the error log folds repeats, lib/errorlog/fold.ts).
    const critical = await t.db.errorLog.findMany({ where: { severity: "critical" } });
    assert.deepEqual(critical.map((e) => e.occurrences), [51]);
    assert.equal(slack.bodies.length, 1, "repeats inside the window are not posted");

    clock.advance(40_000);
    alerter.sweep();
    await settle();
    assert.equal(slack.bodies.length, 1, "the window has not ended yet");

    clock.advance(10 * MIN);
    alerter.sweep();
    await settle();
    assert.equal(slack.bodies.length, 2);
    assert.match(slackText(slack.bodies[1]), /50 more in the last 10 min/);
    assert.equal(emails.length, 2);

    clock.advance(10 * MIN);
    alerter.sweep();
    await settle();
    assert.equal(slack.bodies.length, 2, "a quiet window sends nothing");
  });

  test("every dead letter is announced with a link to the dead-letter queue, grouped by cause", async () => {
    // The 51 failed messages are due again by now; out of the way, they do not muddle the count.
    await t.db.message.updateMany({ where: { status: "failed" }, data: { status: "cancelled" } });
    const before = slack.bodies.length;
    const { message } = await enqueue("+15559870001");
    await enqueue("+15559880001");
    await worker.runOnce();
    await settle();
    const dead = await t.db.message.findUniqueOrThrow({ where: { id: message.id } });
    assert.equal(dead.status, "dead_letter");
    assert.equal(slack.bodies.length, before + 1, "two numbers refused for one cause make one alert");
    const text = slackText(slack.bodies[before]);
    assert.match(text, /Message dead-lettered \(sms\)/);
    assert.match(text, new RegExp(`${PUBLIC_URL}/messages\\?tab=dead_letter&clientId=${clientId}`));
    assert.doesNotMatch(text, /\+15559870001/, "the full number stays out of the chat");
  });

  test("queue lag above the threshold alerts once per window", async () => {
    const before = slack.bodies.length;
    await t.db.message.update({ where: { id: (await enqueue("+15551239999")).message.id }, data: { runAt: new Date(clock.now().getTime() - 30 * MIN) } });
    const lag = await measureQueueLag(t.db, clock.now());
    assert.equal(lag, 30 * MIN);
    assert.equal(alerter.checkQueueLag(alerter.queueLagThresholdMs - 1), false);
    assert.equal(alerter.checkQueueLag(lag), true);
    assert.equal(alerter.checkQueueLag(lag + MIN), true);
    await settle();
    assert.equal(slack.bodies.length, before + 1);
    assert.match(slackText(slack.bodies[before]), /Queue lag above threshold/);
  });

  test("two worker replicas that see the same queue lag send one alert", async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "ok" }));
    const local = new FakeClock(new Date("2030-01-01T10:00:00Z"));
    const replica = () =>
      createAlerter({ config: { PUBLIC_URL, SLACK_WEBHOOK_URL: receiver.url }, clock: local.now, logError: logger.log, claim: (key) => recordOnce(t.db, "alert", key, local.now()) });
    const [a, b] = [replica(), replica()];
    try {
      assert.equal(a.checkQueueLag(30 * MIN), true);
      assert.equal(b.checkQueueLag(30 * MIN), true);
      await Promise.all([a.idle(), b.idle()]);
      assert.equal(receiver.bodies.length, 1, "claimed once for the cluster");
      local.advance(10 * MIN); // the next window: one replica may say it again
      b.checkQueueLag(40 * MIN);
      a.checkQueueLag(40 * MIN);
      await Promise.all([a.idle(), b.idle()]);
      assert.equal(receiver.bodies.length, 2);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await receiver.close();
    }
  });

  test("startAlerts measures the queue lag on its own interval", async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "ok" }));
    const stop = startAlerts({
      bus: new EventBus(),
      db: t.db,
      config: { PUBLIC_URL, SLACK_WEBHOOK_URL: receiver.url },
      // An hour on: the lag alert of this window was claimed by the test before.
      clock: () => new Date(clock.now().getTime() + 60 * MIN),
      logError: logger.log,
      lagCheckIntervalMs: 20,
    });
    try {
      const deadline = Date.now() + 5_000;
      while (receiver.bodies.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.match(slackText(receiver.bodies[0]), /Queue lag above threshold/);
    } finally {
      await stop();
      await receiver.close();
    }
  });

  test("an alert that cannot be delivered is logged once and not retried", async () => {
    const broken = await startReceiver(() => ({ status: 500, body: "internal_error" }));
    const stalled = await startReceiver(() => "stall");
    const localBus = new EventBus();
    const warnings = createErrorLogger(async () => t.db, localBus, { flushMs: 5 });
    const relayed: string[] = [];
    localBus.on("error", ({ event }) => relayed.push(event));
    try {
      for (const [url, why] of [[broken.url, /Slack answered 500/], [stalled.url, /timed out/]] as const) {
        const local = new FakeClock();
        const a = createAlerter({
          config: { PUBLIC_URL, SLACK_WEBHOOK_URL: url, ALERT_EMAIL: "ops@example.com" },
          sendEmail: async () => { throw new Error("SMTP 550 mailbox unavailable"); },
          clock: local.now,
          logError: warnings.log,
          deliveryTimeoutMs: 200,
        });
        a.onCriticalError({ id: "err_1", clientId: null, service: "worker", severity: "critical", message: "tick failed", createdAt: local.now().toISOString(), fingerprint: "f1" });
        await a.idle();
        for (let i = 0; i < 3; i++) {
          local.advance(15 * MIN);
          a.sweep();
        }
        await a.close();
        await warnings.flush();
        const logged = await t.db.errorLog.findMany({ where: { service: "alerts", message: { contains: "Slack" } }, orderBy: { id: "desc" }, take: 1 });
        assert.match(logged[0]!.message, why);
      }
      assert.equal(broken.bodies.length, 1, "one attempt, no retries");
      assert.equal(stalled.bodies.length, 1, "one attempt, no retries");
      const logged = await t.db.errorLog.findMany({ where: { service: "alerts" } });
      // Slack and email, for each of the two alerts: one entry per channel, each seen twice.
      assert.deepEqual(logged.map((e) => e.occurrences), [2, 2]);
      assert.ok(logged.every((e) => e.severity === "warning" && e.errorType === "alert_undeliverable"));
      assert.ok(logged.some((e) => /SMTP 550/.test(e.message)));
      assert.deepEqual(relayed, ["logged", "logged", "repeated", "repeated"], "a failed alert is not itself critical");
    } finally {
      await Promise.all([broken.close(), stalled.close()]);
    }
  });
});
