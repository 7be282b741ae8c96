// The alerter: turns critical errors, dead letters and queue lag into alerts, throttled by
// fingerprint (lib/alerts/throttle.ts), and hands them to delivery. Pure of timers: the
// caller (startAlerts, or a test with a fake clock) decides when to sweep.
import { logError, type ErrorInput } from "../errorlog/log-error";
import type { ErrorEventPayload, MessageEventPayload } from "../realtime/contract";
import { deliverAlert, hasTargets, type DeliveryTargets, type SendEmail } from "./deliver";
import { criticalAlert, deadLetterAlert, moreLine, queueLagAlert, type Alert } from "./format";
import { createThrottle } from "./throttle";
import { logFor } from "../log";

export const ALERT_DEFAULTS = {
  throttleMs: 10 * 60_000,
  queueLagThresholdMs: 5 * 60_000,
  deliveryTimeoutMs: 5_000,
};

/** The configuration an alerter reads (getConfig() fits; the ALERT_* names are optional overrides). */
export interface AlertConfig {
  PUBLIC_URL: string;
  SLACK_WEBHOOK_URL?: string;
  ALERT_EMAIL?: string;
  ALERT_QUEUE_LAG_MS?: number;
  ALERT_THROTTLE_MS?: number;
}

export interface AlerterDeps {
  config: AlertConfig;
  sendEmail?: SendEmail;
  fetch?: typeof fetch;
  clock?: () => Date;
  /** Where undeliverable alerts are recorded (the error log by default). */
  logError?: (input: ErrorInput) => void;
  throttleMs?: number;
  queueLagThresholdMs?: number;
  deliveryTimeoutMs?: number;
  /**
   * Claims "this alert, in this window" for the whole cluster: true for the first replica
   * to ask. Several worker replicas all see the same queue lag; one should say so.
   */
  claim?: (key: string) => Promise<boolean>;
}

export interface Alerter {
  readonly enabled: boolean;
  readonly queueLagThresholdMs: number;
  onCriticalError(payload: ErrorEventPayload): void;
  onDeadLetter(payload: MessageEventPayload): void;
  /** Raises the queue-lag alert (throttled) when `lagMs` is above the threshold; says whether it was. */
  checkQueueLag(lagMs: number): boolean;
  /** Sends the "N more" summaries of the windows that have ended. */
  sweep(): void;
  /** Resolves when every delivery started so far has finished. */
  idle(): Promise<void>;
  /** Sends every pending summary and waits for deliveries (shutdown). */
  close(): Promise<void>;
}

export function createAlerter(deps: AlerterDeps): Alerter {
  const clock = deps.clock ?? (() => new Date());
  const throttleMs = deps.throttleMs ?? deps.config.ALERT_THROTTLE_MS ?? ALERT_DEFAULTS.throttleMs;
  const queueLagThresholdMs = deps.queueLagThresholdMs ?? deps.config.ALERT_QUEUE_LAG_MS ?? ALERT_DEFAULTS.queueLagThresholdMs;
  const targets: DeliveryTargets = {
    slackWebhookUrl: deps.config.SLACK_WEBHOOK_URL,
    alertEmail: deps.config.ALERT_EMAIL,
    sendEmail: deps.sendEmail,
    fetch: deps.fetch ?? fetch,
    timeoutMs: deps.deliveryTimeoutMs ?? ALERT_DEFAULTS.deliveryTimeoutMs,
    logError: deps.logError ?? logError,
  };
  const enabled = hasTargets(targets);
  const throttle = createThrottle<Alert>({ windowMs: throttleMs, clock });
  const inFlight = new Set<Promise<unknown>>();

  function send(alert: Alert, note?: string) {
    const job = deliverAlert(targets, alert, note).finally(() => inFlight.delete(job));
    inFlight.add(job);
  }

  function raise(alert: Alert, count = 1) {
    if (!enabled) return;
    const decision = throttle.occur(alert.fingerprint, alert, count);
    if (!decision.send) return;
    const note = decision.earlier ? `and ${decision.earlier} more since the last alert` : undefined;
    if (!deps.claim) return send(alert, note);
    // Windows aligned on the clock, so every replica names the same one.
    const key = `${alert.fingerprint}:${Math.floor(clock().getTime() / throttleMs)}`;
    const job = deps.claim(key).then(
      (mine) => mine && send(alert, note),
      (err) => {
        logFor("alerts").error({ err }, "could not claim an alert; sending it anyway");
        send(alert, note);
      },
    ).finally(() => inFlight.delete(job));
    inFlight.add(job);
  }

  function sendSummaries(summaries: ReturnType<typeof throttle.sweep>) {
    for (const s of summaries) send({ ...s.sample, detail: `Latest: ${s.sample.detail}`, at: clock() }, moreLine(s.count, s.windowMs));
  }

  async function idle() {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  }

  return {
    enabled,
    queueLagThresholdMs,
    onCriticalError(payload) {
      // An alert about alerting would loop; those are warnings anyway.
      if (payload.service === "alerts") return;
      raise(criticalAlert(payload, deps.config.PUBLIC_URL, clock()), payload.repeats ?? 1);
    },
    onDeadLetter(payload) {
      raise(deadLetterAlert(payload, deps.config.PUBLIC_URL, clock()));
    },
    checkQueueLag(lagMs) {
      if (!(lagMs > queueLagThresholdMs) || queueLagThresholdMs <= 0) return false;
      raise(queueLagAlert(lagMs, queueLagThresholdMs, deps.config.PUBLIC_URL, clock()));
      return true;
    },
    sweep() {
      if (enabled) sendSummaries(throttle.sweep());
    },
    idle,
    async close() {
      if (enabled) sendSummaries(throttle.drain());
      await idle();
    },
  };
}
