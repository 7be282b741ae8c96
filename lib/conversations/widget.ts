// The conversation widget's use cases (API.md "Conversation widget"): a send into a
// conversation through the queue (the worker is woken by the enqueue, not polled), deduplicated
// by the caller's messageId; a page of history; minting a token for one conversation.
import type { Services } from "../context";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import { getCachedClient } from "../clients/client-cache";
import { enqueueMessage } from "../queue/enqueue";
import { publish } from "../queue/publish";
import { messageInputSchema } from "../schemas/message";
import { conversationHistory, getVisibleConversation, readConversation, serializeConversations } from "./queries";
import { publishConversationUpdated } from "./publish";
import { mintWidgetToken } from "./widget-token";

/** Who calls the widget API: a console session or API key (a Principal), or a widget token. */
export type WidgetCaller = Principal | { kind: "widget"; conversationId: string };

const REQUIRED = ["conversationId", "tenantId", "integrationId"] as const;

export interface WidgetSend { conversationId?: unknown; tenantId?: unknown; text?: unknown; mediaUrl?: unknown; integrationId?: unknown; messageId?: unknown }

const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** Each missing field → 400 MISSING_FIELD naming it (all of them, in details). */
function validate(body: WidgetSend, headerTenant: string | null) {
  const fields = { conversationId: str(body.conversationId), tenantId: str(body.tenantId) ?? str(headerTenant ?? undefined), integrationId: str(body.integrationId) };
  const missing: string[] = REQUIRED.filter((f) => !fields[f]);
  const text = typeof body.text === "string" ? body.text : undefined;
  const mediaUrl = str(body.mediaUrl);
  if (!str(text) && !mediaUrl) missing.push("text or mediaUrl");
  if (missing.length) {
    throw new AppError("MISSING_FIELD", `missing ${missing.join(", ")}`, missing.map((path) => ({ path, message: "required" })));
  }
  const messageId = body.messageId === undefined ? undefined : str(body.messageId);
  if (body.messageId !== undefined && (!messageId || messageId.length > 200)) {
    throw new AppError("VALIDATION_FAILED", "messageId: 1 to 200 characters", [{ path: "messageId", message: "1 to 200 characters" }]);
  }
  if (mediaUrl && !/^https?:\/\/\S+$/.test(mediaUrl)) throw new AppError("VALIDATION_FAILED", "mediaUrl: an http(s) URL", [{ path: "mediaUrl", message: "an http(s) URL" }]);
  if ((text ?? "").length > 1600) throw new AppError("VALIDATION_FAILED", "text: at most 1,600 characters", [{ path: "text", message: "at most 1,600 characters" }]);
  return { ...(fields as Record<(typeof REQUIRED)[number], string>), text: text ?? "", mediaUrl: mediaUrl ?? null, messageId };
}

export async function widgetSend(services: Services, caller: WidgetCaller, body: WidgetSend, headerTenant: string | null): Promise<{ success: true; messageId: string }> {
  const { database, bus, config } = services;
  const input = validate(body, headerTenant);
  const conversation = await getVisibleConversation(database, caller, input.conversationId);
  if (conversation.clientId !== input.tenantId) throw new AppError("NOT_FOUND", `conversation ${input.conversationId} not found for tenant ${input.tenantId}`);
  const client = (await getCachedClient(database.db, conversation.clientId))!;
  // The channel's own name needs no lookup (the widget's usual integrationId); a number must be the client's.
  const knownSender = input.integrationId === conversation.channel
    || (await database.db.clientRoute.findMany({ where: { clientId: client.id, kind: "phone" }, select: { value: true } })).some((r) => r.value === input.integrationId);
  if (!knownSender || conversation.channel === "email") {
    throw new AppError("VALIDATION_FAILED", `integrationId: "${conversation.channel}" or one of the client's numbers for this ${conversation.channel} conversation`, [{ path: "integrationId", message: "unknown sender for this conversation" }]);
  }
  const to = conversation.channel === "whatsapp" ? `whatsapp:${conversation.address}` : conversation.address;
  const { message, transitions, created } = await enqueueMessage(database, messageInputSchema.parse({
    clientId: client.id, channel: conversation.channel as "sms" | "whatsapp", to, body: input.text || " ", category: "transactional", kind: "conversation_reply",
    metadata: { source: "widget", integrationId: input.integrationId, ...(input.mediaUrl ? { mediaUrl: input.mediaUrl } : {}), ...(input.messageId ? { widgetMessageId: input.messageId } : {}) },
  }), {
    maxAttempts: config.RETRY_MAX_ATTEMPTS, conversationId: conversation.id, customerId: conversation.customerId ?? undefined,
    idempotencyKey: input.messageId ? `widget:${conversation.id}:${input.messageId}` : undefined,
  });
  publish(bus, transitions); // "enqueued" nudges the worker at once
  if (created) {
    const fresh = await readConversation(database, conversation.id);
    if (fresh) publishConversationUpdated(bus, (await serializeConversations(database, [fresh]))[0]!);
  }
  return { success: true, messageId: message.id };
}

export async function widgetHistory(services: Services, caller: WidgetCaller, conversationId: string, limit: number, offset: number) {
  await getVisibleConversation(services.database, caller, conversationId);
  return conversationHistory(services.database, conversationId, limit, offset);
}

/** A token for one conversation, minted by a console session or that client's key (a widget token cannot mint). */
export async function widgetToken(services: Services, caller: WidgetCaller, conversationId: unknown) {
  if (caller.kind === "widget") throw new AppError("FORBIDDEN", "a widget token cannot mint tokens");
  if (typeof conversationId !== "string" || !conversationId) throw new AppError("MISSING_FIELD", "missing conversationId", [{ path: "conversationId", message: "required" }]);
  await getVisibleConversation(services.database, caller, conversationId);
  return mintWidgetToken(conversationId);
}
