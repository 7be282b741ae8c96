// Inbound SMS / WhatsApp from Twilio: every message is stored for the conversation view;
// STOP / START / HELP are handled by lib/compliance/keywords.ts. Answers with empty TwiML; it never sends inline.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Services } from "../context";
import { logError } from "../errorlog/log-error";
import { newId } from "../ids";
import { handleKeyword } from "../compliance/keywords";
import { conversationIdFor } from "../conversations/conversation-id";
import { touchConversationsSql } from "../conversations/upsert-sql";
import { serializeConversations } from "../conversations/queries";
import { publishConversationUpdated } from "../conversations/publish";
import { insertRowsSql } from "../db/json-rows";
import { runWrites } from "../db/direct";
import type { Columns } from "../db/sql";
import { findClientForInbound } from "../clients/routes";
import { parseForm, verifyTwilioSignature } from "./twilio-status";
import { inboundMediaUrls } from "../messages/media";

const INBOUND_COLUMNS: Columns = { id: "text", clientId: "text", channel: "text", from: "text", to: "text", body: "text", mediaUrl: "text", mediaUrls: "text", providerMessageId: "text", conversationId: "text", createdAt: "timestamp" };

export const TWILIO_INBOUND_PATH = "/api/webhooks/twilio/inbound";

const inboundSchema = z
  .object({ From: z.string().min(1).max(64), To: z.string().min(1).max(64), Body: z.string().max(10_000).default(""), MessageSid: z.string().min(1).max(64), NumMedia: z.string().max(3).optional() })
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
  const id = newId("in");
  const media = inboundMediaUrls(params);
  const mediaUrl = media[0] ?? null;
  try {
    // The message and its conversation (unread + 1, WhatsApp's window opened) in one transaction.
    await runWrites(database, [
      insertRowsSql(database, "InboundMessage", INBOUND_COLUMNS, [{ id, clientId: client.id, channel, from, to: msg.To, body: msg.Body, mediaUrl, mediaUrls: media.length ? JSON.stringify(media) : null, providerMessageId: msg.MessageSid, conversationId, createdAt: now }])!,
      touchConversationsSql(database, [{ id: conversationId, clientId: client.id, channel, address: from, customerId: null, messageId: id, text: msg.Body || (mediaUrl ? "(media)" : ""), direction: "inbound", at: now }])!,
    ]);
  } catch (err) {
    if ((err as { code?: string })?.code === "P2002") return { duplicate: true };
    throw err;
  }
  const conversation = await database.db.conversation.findUnique({ where: { id: conversationId } });
  if (conversation) publishConversationUpdated(bus, (await serializeConversations(database, [conversation]))[0]!);
  // messageId: the stored message's id, as the history lists it, so a thread that refetches draws it once.
  bus.emit("inbound", { conversationId, messageId: id, text: msg.Body, mediaUrl, timestamp: now.toISOString() });

  // STOP / START / HELP: lib/compliance/keywords.ts (suppression, audit, the one reply through the queue).
  const keyword = await handleKeyword(database, bus, {
    client, channel, replyTo: msg.From, from, body: msg.Body, providerMessageId: msg.MessageSid, conversationId, maxAttempts: config.RETRY_MAX_ATTEMPTS, now,
  });
  return { stored: true, keyword: keyword?.toUpperCase() };
}
