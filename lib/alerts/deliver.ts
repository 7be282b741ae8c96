// Delivery of one alert to Slack (incoming webhook) and to ALERT_EMAIL. Each target is
// tried once, bounded by a timeout; a failure is written to the error log once (a warning
// from service "alerts", which never raises an alert itself) and then dropped.
import { toError } from "../errors";
import type { ErrorInput } from "../errorlog/log-error";
import { toEmail, toSlackPayload, type Alert } from "./format";
import { logFor } from "../log";

export type SendEmail = (to: string, subject: string, body: string) => Promise<unknown>;

export interface DeliveryTargets {
  slackWebhookUrl?: string;
  alertEmail?: string;
  sendEmail?: SendEmail;
  fetch: typeof fetch;
  timeoutMs: number;
  logError: (input: ErrorInput) => void;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function postToSlack(t: DeliveryTargets, alert: Alert, note?: string): Promise<void> {
  const res = await t.fetch(t.slackWebhookUrl!, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(toSlackPayload(alert, note)),
    signal: AbortSignal.timeout(t.timeoutMs),
  });
  // Slack answers 200 "ok"; anything else (404 no_service, 403 invalid_token, 5xx) is a failure.
  if (!res.ok) {
    const text = await res.text().catch(() => "");
    throw new Error(`Slack answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`);
  }
}

export function hasTargets(t: Pick<DeliveryTargets, "slackWebhookUrl" | "alertEmail" | "sendEmail">): boolean {
  return !!t.slackWebhookUrl || !!(t.alertEmail && t.sendEmail);
}

/** Sends to every configured target; never throws. Resolves to how many targets took it. */
export async function deliverAlert(t: DeliveryTargets, alert: Alert, note?: string): Promise<number> {
  const jobs: { target: "slack" | "email"; run: () => Promise<unknown> }[] = [];
  if (t.slackWebhookUrl) jobs.push({ target: "slack", run: () => postToSlack(t, alert, note) });
  if (t.alertEmail && t.sendEmail) {
    const { subject, body } = toEmail(alert, note);
    jobs.push({ target: "email", run: () => t.sendEmail!(t.alertEmail!, subject, body) });
  }
  const results = await Promise.allSettled(jobs.map((j) => withTimeout(Promise.resolve().then(j.run), t.timeoutMs, j.target)));
  let delivered = 0;
  results.forEach((r, i) => {
    if (r.status === "fulfilled") return void delivered++;
    const target = jobs[i]!.target;
    const reason = toError(r.reason).message;
    logFor("alerts").error({ target }, `alert not delivered: ${reason}`);
    t.logError({
      service: "alerts",
      operation: target,
      errorType: "alert_undeliverable",
      severity: "warning",
      message: `${target === "slack" ? "Slack" : "Email"} alert "${alert.title}" could not be delivered: ${reason}`,
      context: { kind: alert.kind, fingerprint: alert.fingerprint, note: note ?? null },
    });
  });
  return delivered;
}
