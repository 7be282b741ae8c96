// Twilio status callbacks: verify X-Twilio-Signature against PUBLIC_URL + path, record
// each (MessageSid, MessageStatus) once, move the message forward, take the price.
import twilio from "twilio";
import { z } from "zod";
import type { Config } from "../config";
import type { Services } from "../context";
import { AppError } from "../errors";
import { assertStorableText } from "../http/clean-text";
import { logError } from "../errorlog/log-error";
import { addSuppression } from "../suppressions";
import { twilioPriceToCents } from "../providers/twilio";
import type { StatusReport } from "../domain/status-report";
import { applyDeliveryReports } from "./apply-delivery-reports";
import { recordOnce } from "./record-once";

export const TWILIO_STATUS_PATH = "/api/webhooks/twilio/status";

const statusSchema = z
  .object({ MessageSid: z.string().min(1).max(64), MessageStatus: z.string().min(1).max(32), ErrorCode: z.string().max(16).optional(), ErrorMessage: z.string().max(1000).optional(), Price: z.string().max(32).optional() })
  .passthrough();

/** Parses a form body; throws 400 on anything that is not a urlencoded form. */
export function parseForm(raw: string, contentType: string | null): Record<string, string> {
  if (!contentType?.toLowerCase().includes("application/x-www-form-urlencoded")) {
    throw new AppError("VALIDATION_FAILED", "body must be application/x-www-form-urlencoded", [{ path: "Content-Type", message: "expected a form body" }]);
  }
  const params = Object.fromEntries(new URLSearchParams(raw));
  assertStorableText(params);
  return params;
}

/** Checks X-Twilio-Signature; a failure is logged as a warning and answered 401. */
export function verifyTwilioSignature(config: Pick<Config, "PUBLIC_URL" | "TWILIO_AUTH_TOKEN">, path: string, params: Record<string, string>, signature: string | null, operation: string): void {
  const url = new URL(path, config.PUBLIC_URL).href;
  const ok = !!config.TWILIO_AUTH_TOKEN && !!signature && twilio.validateRequest(config.TWILIO_AUTH_TOKEN, signature, url, params);
  if (!ok) {
    logError({ service: "webhooks", operation, errorType: "invalid_signature", severity: "warning", message: `X-Twilio-Signature ${signature ? "does not match" : "is missing"} for ${url}` });
    throw new AppError("INVALID_SIGNATURE", config.TWILIO_AUTH_TOKEN ? "X-Twilio-Signature is missing or wrong" : "TWILIO_AUTH_TOKEN is not configured");
  }
}

function toReport(s: z.infer<typeof statusSchema>): StatusReport | null {
  const costCents = twilioPriceToCents(s.Price) ?? null;
  const base = { providerMessageId: s.MessageSid, costCents, errorCode: s.ErrorCode ?? null, error: s.ErrorMessage ?? null };
  switch (s.MessageStatus) {
    case "delivered":
      return { ...base, status: "delivered" };
    case "read":
      return { ...base, status: "read" };
    case "undelivered":
    case "failed":
      return { ...base, status: "undelivered", error: s.ErrorMessage ?? `Twilio reported ${s.MessageStatus}` };
    default:
      return null; // queued, sending, sent, accepted...: nothing new for Herald
  }
}

export async function handleTwilioStatus(services: Services, raw: string, contentType: string | null, signature: string | null, now = new Date()) {
  const { database, config } = services;
  const params = parseForm(raw, contentType);
  verifyTwilioSignature(config, TWILIO_STATUS_PATH, params, signature, "twilio_status");
  const status = statusSchema.parse(params);
  if (!(await recordOnce(database.db, "twilio_status", `${status.MessageSid}:${status.MessageStatus}`, now))) return { duplicate: true };
  const report = toReport(status);
  if (!report) return { ignored: status.MessageStatus };
  const { moved, unmatched } = await applyDeliveryReports(services, [report], now);
  if (unmatched.length) {
    logError({ service: "webhooks", operation: "twilio_status", errorType: "unknown_message", severity: "warning", message: `status ${status.MessageStatus} for unknown MessageSid ${status.MessageSid}` });
  }
  if (report.status === "undelivered" && status.ErrorCode === "21610") {
    for (const m of moved) await addSuppression(database.db, { clientId: m.clientId, address: m.to.replace(/^whatsapp:/, ""), reason: "twilio 21610: recipient unsubscribed", channel: m.channel, actor: "provider:twilio" });
  }
  return { moved: moved.length };
}
