// SendGrid Event Webhook: an ECDSA (P-256, SHA-256) signature over timestamp + raw body
// with SENDGRID_WEBHOOK_PUBLIC_KEY; each event recorded once; delivered / open move
// the message forward, bounce / dropped dead-letter it, unsubscribes suppress.
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { z } from "zod";
import type { Services } from "../context";
import { AppError } from "../errors";
import { parseJsonBody } from "../http/json-body";
import { logError } from "../errorlog/log-error";
import type { StatusReport } from "../domain/status-report";
import { addSuppression } from "../suppressions";
import { applyDeliveryReports } from "./apply-delivery-reports";
import { recordOnce } from "./record-once";

const TOLERANCE_S = 10 * 60;

const eventSchema = z
  .object({ event: z.string().min(1).max(50), sg_message_id: z.string().min(1).max(300).optional(), sg_event_id: z.string().max(200).optional(), email: z.string().max(320).optional(), reason: z.string().max(2000).optional(), status: z.string().max(20).optional(), timestamp: z.number().optional() })
  .passthrough();
export const sendgridEventsSchema = z.array(eventSchema).max(5000);

export function publicKeyFrom(value: string): KeyObject {
  return value.includes("BEGIN PUBLIC KEY") ? createPublicKey(value) : createPublicKey({ key: Buffer.from(value, "base64"), format: "der", type: "spki" });
}

export function checkSendgridSignature(publicKey: string, raw: string, signature: string | null, timestamp: string | null, nowMs = Date.now()): string | null {
  if (!signature || !timestamp) return "missing";
  if (!/^\d{9,11}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > TOLERANCE_S) return "stale";
  try {
    return verify("sha256", Buffer.from(timestamp + raw), publicKeyFrom(publicKey), Buffer.from(signature, "base64")) ? null : "mismatch";
  } catch {
    return "mismatch";
  }
}

function toReport(e: z.infer<typeof eventSchema>): StatusReport | null {
  const providerMessageId = e.sg_message_id?.split(".")[0];
  if (!providerMessageId) return null;
  if (e.event === "delivered") return { providerMessageId, status: "delivered" };
  if (e.event === "open") return { providerMessageId, status: "read" };
  if (e.event === "bounce" || e.event === "dropped") {
    return { providerMessageId, status: "undelivered", errorCode: e.status ?? e.event, error: `${e.event}: ${e.reason ?? "no reason given"}` };
  }
  return null;
}

export async function handleSendgridEvents(services: Services, raw: string, signature: string | null, timestamp: string | null, now = new Date()) {
  const { database, config } = services;
  const key = config.SENDGRID_WEBHOOK_PUBLIC_KEY;
  const problem = key ? checkSendgridSignature(key, raw, signature, timestamp, now.getTime()) : "not configured";
  if (problem) {
    logError({ service: "webhooks", operation: "sendgrid_events", errorType: "invalid_signature", severity: "warning", message: `SendGrid signature ${problem}` });
    throw new AppError("INVALID_SIGNATURE", key ? `event webhook signature ${problem}` : "SENDGRID_WEBHOOK_PUBLIC_KEY is not configured");
  }
  const json = parseJsonBody(raw);
  const events = sendgridEventsSchema.parse(json);
  const reports: StatusReport[] = [];
  for (const e of events) {
    const dedupeKey = e.sg_event_id ?? `${e.sg_message_id ?? e.email}:${e.event}`;
    if (!(await recordOnce(database.db, "sendgrid", dedupeKey, now))) continue;
    const report = toReport(e);
    if (report) reports.push(report);
    if ((e.event === "unsubscribe" || e.event === "group_unsubscribe" || e.event === "spamreport") && e.sg_message_id && e.email) {
      const message = await database.db.message.findFirst({ where: { providerMessageId: e.sg_message_id.split(".")[0] } });
      if (message) await addSuppression(database.db, { clientId: message.clientId, address: e.email, reason: `sendgrid ${e.event}`, channel: "email", actor: "provider:sendgrid" });
    }
  }
  if (!reports.length) return { moved: 0 };
  const { moved, unmatched } = await applyDeliveryReports(services, reports, now);
  if (unmatched.length) {
    logError({ service: "webhooks", operation: "sendgrid_events", errorType: "unknown_message", severity: "warning", message: `${unmatched.length} event(s) for unknown sg_message_id (${unmatched.slice(0, 3).join(", ")})` });
  }
  return { moved: moved.length };
}
