// Message use cases behind the API: each checks who may act, asks the queue to do it, and
// publishes the transitions the queue made.
import type { Database } from "../db/client";
import type { Services } from "../context";
import type { Principal } from "../auth/principal";
import { assertCanReadClient, canReadClient } from "../auth/principal";
import type { Message } from "../generated/sqlite/client";
import { cancelMessage, getMessageOrThrow, retryMessage } from "../queue/actions";
import { enqueueBatch, enqueueMessage } from "../queue/enqueue";
import { publish } from "../queue/publish";
import { messageInputSchema, type RetryEdit, type ValidMessageInput } from "../schemas/message";
import { rememberCustomerZones, type CustomerZone } from "../compliance/customer-zone";

/** The customer zones given with messages (customer.timezone on a phone channel), for the caller's own clients. */
function zonesOf(inputs: ValidMessageInput[]): CustomerZone[] {
  return inputs.flatMap((m) => (m.customer?.timezone && m.channel !== "email" ? [{ clientId: m.clientId, phone: m.to, timezone: m.customer.timezone }] : []));
}

export async function submitMessage({ database, bus, config }: Services, principal: Principal, input: ValidMessageInput, idempotencyKey?: string) {
  assertCanReadClient(principal, input.clientId);
  // Stored before the message exists, so the worker's first look already judges quiet hours in it.
  await rememberCustomerZones(database, zonesOf([input]), new Date());
  const result = await enqueueMessage(database, input, { idempotencyKey, maxAttempts: config.RETRY_MAX_ATTEMPTS });
  publish(bus, result.transitions);
  return result;
}

export async function submitBatch({ database, bus, config }: Services, principal: Principal, items: unknown[]) {
  // Items that carry a zone are read here too, so their zones are stored before any message exists.
  const withZone = items.flatMap((item) => {
    if (!(item as { customer?: unknown } | null)?.customer) return [];
    const { idempotencyKey: _key, ...rest } = item as Record<string, unknown>;
    const parsed = messageInputSchema.safeParse(rest);
    return parsed.success && canReadClient(principal, parsed.data.clientId) ? [parsed.data] : [];
  });
  await rememberCustomerZones(database, zonesOf(withZone), new Date());
  const { results, transitions } = await enqueueBatch(database, items, {
    maxAttempts: config.RETRY_MAX_ATTEMPTS,
    allowClient: (clientId) => canReadClient(principal, clientId),
  });
  publish(bus, transitions);
  return results;
}

/** A message the caller may see: another client's message is 403. */
export async function getVisibleMessage(database: Database, principal: Principal, id: string): Promise<Message> {
  const message = await getMessageOrThrow(database, id);
  assertCanReadClient(principal, message.clientId);
  return message;
}

export async function retryVisibleMessage({ database, bus }: Services, principal: Principal, id: string, edit: RetryEdit) {
  const { message, transitions } = await retryMessage(database, await getVisibleMessage(database, principal, id), edit);
  publish(bus, transitions);
  return message;
}

export async function cancelVisibleMessage({ database, bus }: Services, principal: Principal, id: string) {
  const { message, transitions } = await cancelMessage(database, await getVisibleMessage(database, principal, id));
  publish(bus, transitions);
  return message;
}
