// POST /api/webhooks/calls, minus HTTP: verify, parse, ingest, announce.
import { ZodError } from "zod";
import type { Services } from "../context";
import { AppError } from "../errors";
import { parseJsonBody } from "../http/json-body";
import { publish } from "../queue/publish";
import { callWebhookSchema } from "../schemas/call-webhook";
import type { CallEventName as BusCallEvent } from "../realtime/contract";
import { checkRetellSignature } from "./signature";
import { logError } from "../errorlog/log-error";
import type { CallSummary, IngestResult } from "./ingest";
import { ingestQueued } from "./ingest-queue";

const BUS_EVENT: Record<string, BusCallEvent> = { call_started: "started", call_ended: "ended", call_analyzed: "analyzed" };

export function toCallEventPayload(call: CallSummary, now: Date) {
  return {
    callId: call.callId,
    clientId: call.clientId,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    direction: call.direction,
    status: call.status,
    durationMs: call.durationMs,
    timestamp: now.toISOString(),
  };
}

export async function handleCallWebhook(services: Services, rawBody: string, signature: string | null, now = new Date()): Promise<IngestResult> {
  try {
    return await ingestSignedCall(services, rawBody, signature, now);
  } catch (err) {
    // Every refused call event leaves an error-log entry (the caller still gets its 4xx).
    if (err instanceof AppError || err instanceof ZodError) {
      const code = err instanceof AppError ? err.code : "VALIDATION_FAILED";
      logError({
        service: "webhooks",
        operation: "call_webhook",
        errorType: code === "INVALID_SIGNATURE" ? "invalid_signature" : code === "NOT_FOUND" ? "unknown_client" : "validation",
        severity: code === "NOT_FOUND" ? "error" : "warning",
        message: (err as Error).message,
        context: { bytes: rawBody.length },
      });
    }
    throw err;
  }
}

async function ingestSignedCall({ database, bus, config }: Services, rawBody: string, signature: string | null, now: Date): Promise<IngestResult> {
  if (!config.RETELL_API_KEY) throw new AppError("INVALID_SIGNATURE", "RETELL_API_KEY is not configured; call webhooks cannot be verified");
  const problem = checkRetellSignature(config.RETELL_API_KEY, rawBody, signature, now.getTime());
  if (problem) throw new AppError("INVALID_SIGNATURE", `x-retell-signature ${problem}`);
  const json = parseJsonBody(rawBody);
  const body = callWebhookSchema.parse(json);
  const result = await ingestQueued(database, body, { maxAttempts: config.RETRY_MAX_ATTEMPTS, now });
  if (result.status === "ignored") {
    logError({ service: "webhooks", operation: "call_webhook", errorType: "unknown_event", severity: "info", message: result.reason, context: { callId: body.call.call_id } });
  }
  if (result.status === "recorded") {
    bus.emit("call", { event: BUS_EVENT[result.event]!, payload: toCallEventPayload(result.call, now) });
    publish(bus, result.transitions);
  }
  return result;
}
