// Message use cases behind the API: each checks who may act, does it, and announces it.
import type { Db } from "../db";
import type { Principal } from "../auth/principal";
import { assertCanReadClient, canReadClient } from "../auth/principal";
import { getConfig } from "../config";
import { getBus } from "../events/bus";
import type { Message } from "../generated/sqlite/client";
import { cancelMessage, getMessageOrThrow, retryMessage } from "../queue/actions";
import { enqueueBatch, enqueueMessage } from "../queue/enqueue";
import { toEventPayload } from "../queue/serialize";
import type { RetryEdit, ValidMessageInput } from "../schemas/message";
import type { MessageEventName } from "../realtime/contract";

function announce(event: MessageEventName, messages: Message[]) {
  const bus = getBus();
  for (const m of messages) bus.emit("message", { event, payload: toEventPayload(m) });
  if (event === "queued" || event === "retry") bus.emit("enqueued", { count: messages.length });
}

export async function submitMessage(db: Db, principal: Principal, input: ValidMessageInput, idempotencyKey?: string) {
  assertCanReadClient(principal, input.clientId);
  const result = await enqueueMessage(db, input, { idempotencyKey, maxAttempts: getConfig().RETRY_MAX_ATTEMPTS });
  if (result.created) announce("queued", [result.message]);
  return result;
}

export async function submitBatch(db: Db, principal: Principal, items: unknown[]) {
  const results = await enqueueBatch(db, items, {
    maxAttempts: getConfig().RETRY_MAX_ATTEMPTS,
    allowClient: (clientId) => canReadClient(principal, clientId),
  });
  const created = results.flatMap((r) => ("message" in r && r.created ? [r.message] : []));
  if (created.length) announce("queued", created);
  return results;
}

/** A message the caller may see: another client's message is 403. */
export async function getVisibleMessage(db: Db, principal: Principal, id: string): Promise<Message> {
  const message = await getMessageOrThrow(db, id);
  assertCanReadClient(principal, message.clientId);
  return message;
}

export async function retryVisibleMessage(db: Db, principal: Principal, id: string, edit: RetryEdit) {
  const message = await retryMessage(db, await getVisibleMessage(db, principal, id), edit);
  announce("retry", [message]);
  return message;
}

export async function cancelVisibleMessage(db: Db, principal: Principal, id: string) {
  const message = await cancelMessage(db, await getVisibleMessage(db, principal, id));
  announce("cancelled", [message]);
  return message;
}
