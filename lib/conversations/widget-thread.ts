// What the widget's thread needs beyond send and history: the conversation itself (its
// client and channel to send with, WhatsApp's window), and a Retry that a widget token may
// use, scoped to its own conversation. Console sessions and client keys reach both too.
import type { Services } from "../context";
import { AppError } from "../errors";
import { retryMessage } from "../queue/actions";
import { publish } from "../queue/publish";
import { toApiMessage } from "../queue/serialize";
import { getVisibleConversation, serializeConversations } from "./queries";
import type { WidgetCaller } from "./widget";

export async function widgetConversation({ database }: Services, caller: WidgetCaller, conversationId: string) {
  const row = await getVisibleConversation(database, caller, conversationId);
  return { conversation: (await serializeConversations(database, [row]))[0]! };
}

/**
 * Re-queues a failed or dead-lettered message of this conversation (the same move as
 * POST /api/messages/:id/retry, without edits). The move is conditional on the status, so a
 * second Retry of the same failure answers 409 INVALID_STATE: one click, one new send.
 */
export async function widgetRetry({ database, bus }: Services, caller: WidgetCaller, conversationId: string, messageId: unknown) {
  if (typeof messageId !== "string" || !messageId) throw new AppError("MISSING_FIELD", "missing messageId", [{ path: "messageId", message: "required" }]);
  await getVisibleConversation(database, caller, conversationId);
  const message = await database.db.message.findUnique({ where: { id: messageId } });
  if (!message || message.conversationId !== conversationId) throw new AppError("NOT_FOUND", `message ${messageId} not found in conversation ${conversationId}`);
  const { message: moved, transitions } = await retryMessage(database, message, {});
  publish(bus, transitions);
  return { message: toApiMessage(moved) };
}
