// Inbound SMS / WhatsApp from Twilio: opt-out keywords add a suppression, opt-in
// keywords remove it, HELP queues the client's help text, and every message is stored
// for the conversation view. Answers with empty TwiML; it never sends inline.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Services } from "../context";
import { logError } from "../errorlog/log-error";
import { newId } from "../ids";
import { enqueueMessage } from "../queue/enqueue";
import { publish } from "../queue/publish";
import { clientSettings } from "../domain/json-columns";
import { addSuppression, removeSuppression } from "../suppressions";
import { conversationIdFor } from "../conversations/conversation-id";
import { findClientForInbound } from "../clients/routes";
import { parseForm, verifyTwilioSignature } from "./twilio-status";

export const TWILIO_INBOUND_PATH = "/api/webhooks/twilio/inbound";
const OPT_OUT = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const OPT_IN = new Set(["START", "UNSTOP"]);
const HELP = new Set(["HELP", "INFO"]);

const inboundSchema = z
  .object({ From: z.string().min(1).max(64), To: z.string().min(1).max(64), Body: z.string().max(10_000).default(""), MessageSid: z.string().min(1).max(64), MediaUrl0: z.string().max(2000).optional() })
  .passthrough();

export async function handleTwilioInbound({ database, bus, config }: Services, raw: string, contentType: string | null, signature: string | null, now = new Date()) {
  const params = parseForm(raw, contentType);
  verifyTwilioSignature(config, TWILIO_INBOUND_PATH, params, signature, "twilio_inbound");
  const msg = inboundSchema.parse(params);
  const { db } = database;
  const client = await findClientForInbound(db, msg.To);
  if (!client) {
    logError({ service: "webhooks", operation: "twilio_inbound", errorType: "unknown_client", severity: "warning", message: `inbound message to ${msg.To} matches no client` });
    return { stored: false };
  }
  const channel = msg.From.startsWith("whatsapp:") ? "whatsapp" : "sms";
  const from = msg.From.replace(/^whatsapp:/, "");
  const conversationId = conversationIdFor(client.id, channel, from);
  try {
    await db.inboundMessage.create({
      data: { id: newId("in"), clientId: client.id, channel, from, to: msg.To, body: msg.Body, mediaUrl: msg.MediaUrl0 ?? null, providerMessageId: msg.MessageSid, conversationId, createdAt: now },
    });
  } catch (err) {
    if ((err as { code?: string })?.code === "P2002") return { duplicate: true };
    throw err;
  }
  bus.emit("inbound", { conversationId, messageId: msg.MessageSid, text: msg.Body, mediaUrl: msg.MediaUrl0 ?? null, timestamp: now.toISOString() });

  const keyword = msg.Body.trim().toUpperCase();
  if (OPT_OUT.has(keyword)) await addSuppression(db, { clientId: client.id, address: from, reason: `replied ${keyword}` });
  else if (OPT_IN.has(keyword)) await removeSuppression(db, client.id, from);
  else if (HELP.has(keyword)) {
    const settings = clientSettings(client);
    const body = settings.helpText ?? `${client.name}: reply STOP to opt out, START to opt back in. Call us for help.`;
    const { transitions } = await enqueueMessage(
      database,
      { clientId: client.id, channel, to: msg.From, body, category: "transactional", kind: "help_reply" },
      { maxAttempts: config.RETRY_MAX_ATTEMPTS, idempotencyKey: `help:${msg.MessageSid}`, conversationId, now },
    );
    publish(bus, transitions);
  }
  return { stored: true, keyword };
}
