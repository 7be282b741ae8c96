// Enqueue: validated input → a pending message row (idempotent per client and key).
import type { Db } from "../db";
import type { Client, Message } from "../generated/sqlite/client";
import { AppError, zodDetails } from "../errors";
import { newId } from "../ids";
import { messageInputSchema, type ValidMessageInput } from "../schemas/message";
import { parseJson } from "./serialize";
import { renderTemplate } from "../templates/render";
import { insertRowsSql, type Columns } from "./sql";
import { dbDialect } from "../db";
import { getCachedClient } from "../clients/client-cache";
import { runWrites } from "../sqlite-direct";

export interface EnqueueOptions {
  idempotencyKey?: string;
  maxAttempts: number;
  now?: Date;
  callId?: string;
  customerId?: string;
  conversationId?: string;
}

interface ClientTemplates {
  templates?: Record<string, { subject?: string; body: string }>;
}

/** Builds the row for a valid input; renders a named template from the client's settings. */
function buildRow(client: Client, input: ValidMessageInput, opts: EnqueueOptions, now: Date) {
  let body = input.body;
  let subject = input.subject;
  if (input.template) {
    const template = parseJson<ClientTemplates>(client.settings, {}).templates?.[input.template];
    if (!template) {
      throw new AppError("VALIDATION_FAILED", `template: unknown template "${input.template}"`, [
        { path: "template", message: "unknown template" },
      ]);
    }
    const variables = { businessName: client.name, ...input.variables };
    body ??= renderTemplate(template.body, variables);
    if (template.subject) subject ??= renderTemplate(template.subject, variables);
  }
  return messageRow({
    clientId: client.id,
    channel: input.channel,
    to: input.to,
    subject: subject ?? null,
    body: body!,
    template: input.template ?? null,
    variables: input.variables ? JSON.stringify(input.variables) : null,
    category: input.category,
    kind: input.kind ?? null,
    scheduledFor: input.scheduledFor ? new Date(input.scheduledFor) : now,
    maxAttempts: opts.maxAttempts,
    idempotencyKey: opts.idempotencyKey ?? null,
    metadata: JSON.stringify(input.metadata ?? {}),
    callId: opts.callId ?? null,
    customerId: opts.customerId ?? null,
    conversationId: opts.conversationId ?? null,
  }, now);
}


/** A new pending message row; every enqueue path builds its rows here. */
export function messageRow(fields: {
  clientId: string; channel: string; to: string; subject: string | null; body: string; template: string | null;
  variables: string | null; category: string; kind: string | null; scheduledFor: Date; maxAttempts: number;
  idempotencyKey: string | null; metadata: string; callId: string | null; customerId: string | null; conversationId: string | null;
  heldReason?: string | null;
}, now: Date) {
  return { id: newId("msg", now.getTime()), status: "pending", runAt: fields.scheduledFor, createdAt: now, updatedAt: now, heldReason: null, ...fields };
}

const MESSAGE_COLUMNS: Columns = {
  id: "text", clientId: "text", channel: "text", to: "text", subject: "text", body: "text", template: "text", variables: "text",
  category: "text", kind: "text", status: "text", scheduledFor: "timestamp", runAt: "timestamp", maxAttempts: "int",
  idempotencyKey: "text", metadata: "text", callId: "text", customerId: "text", conversationId: "text", heldReason: "text",
  createdAt: "timestamp", updatedAt: "timestamp",
};

/**
 * The raw insert for new message rows. The first history entry ("queued") is not a row:
 * it is the message's createdAt (see withQueuedEntry), which keeps an enqueue at one
 * statement and no transaction.
 */
export function messageInsertSql(db: Db, rows: ReturnType<typeof messageRow>[]) {
  return insertRowsSql(dbDialect(db), "Message", MESSAGE_COLUMNS, rows);
}

export async function insertMessages(db: Db, rows: ReturnType<typeof messageRow>[]): Promise<void> {
  if (rows.length) await runWrites(db, [messageInsertSql(db, rows)!]);
}

async function getClientOrThrow(db: Db, clientId: string): Promise<Client> {
  const client = await getCachedClient(db, clientId);
  if (!client) throw new AppError("NOT_FOUND", `client ${clientId} not found`);
  return client;
}

/** The in-memory Message for a row just inserted (no read back). */
export function inserted(row: ReturnType<typeof messageRow>): Message {
  return {
    ...row, attempts: 0, nextAttemptAt: null, leaseOwner: null, leaseExpiresAt: null, provider: null, providerMessageId: null, costCents: 0,
    lastError: null, deadLetterReason: null, deadLetterAt: null, sentAt: null, deliveredAt: null, readAt: null, cancelledAt: null,
  } as Message;
}

async function findByKey(db: Db, clientId: string, idempotencyKey: string): Promise<Message | null> {
  return db.message.findUnique({ where: { clientId_idempotencyKey: { clientId, idempotencyKey } } });
}

/**
 * Enqueues one message: one transaction of two raw inserts. A repeat with the same
 * idempotency key returns the first message; a concurrent duplicate loses on the
 * unique index and answers with the winner's message.
 */
export async function enqueueMessage(
  db: Db,
  input: ValidMessageInput,
  opts: EnqueueOptions,
): Promise<{ message: Message; created: boolean }> {
  const now = opts.now ?? new Date();
  const client = await getClientOrThrow(db, input.clientId);
  if (opts.idempotencyKey) {
    const existing = await findByKey(db, client.id, opts.idempotencyKey);
    if (existing) return { message: existing, created: false };
  }
  const row = buildRow(client, input, opts, now);
  try {
    await insertMessages(db, [row]);
    return { message: inserted(row), created: true };
  } catch (err) {
    const winner = opts.idempotencyKey ? await findByKey(db, client.id, opts.idempotencyKey) : null;
    if (!winner) throw err;
    return { message: winner, created: false };
  }
}

export interface BatchItemError {
  index: number;
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}
export interface BatchItemOk {
  index: number;
  message: Message;
  created: boolean;
}

/**
 * Enqueues up to 1,000 messages in one write. Valid items are accepted even when
 * others fail. `allowClient` rejects items naming a client the caller may not use.
 */
export async function enqueueBatch(
  db: Db,
  items: unknown[],
  opts: { maxAttempts: number; now?: Date; allowClient: (clientId: string) => boolean },
): Promise<(BatchItemOk | BatchItemError)[]> {
  const now = opts.now ?? new Date();
  const results: (BatchItemOk | BatchItemError)[] = new Array(items.length);
  const parsed: { index: number; input: ValidMessageInput; key?: string }[] = [];

  items.forEach((raw, index) => {
    const key = (raw as { idempotencyKey?: unknown })?.idempotencyKey;
    const { idempotencyKey: _drop, ...rest } = (raw ?? {}) as Record<string, unknown>;
    if (key !== undefined && (typeof key !== "string" || key.length === 0 || key.length > 200)) {
      results[index] = { index, error: { code: "VALIDATION_FAILED", message: "idempotencyKey: must be a non-empty string", details: [{ path: "idempotencyKey", message: "invalid" }] } };
      return;
    }
    const result = messageInputSchema.safeParse(rest);
    if (!result.success) {
      const details = zodDetails(result.error);
      results[index] = { index, error: { code: "VALIDATION_FAILED", message: `${details[0]!.path}: ${details[0]!.message}`, details } };
      return;
    }
    if (!opts.allowClient(result.data.clientId)) {
      results[index] = { index, error: { code: "FORBIDDEN", message: "clientId: not your client" } };
      return;
    }
    parsed.push({ index, input: result.data, key: key as string | undefined });
  });

  const clientIds = [...new Set(parsed.map((p) => p.input.clientId))];
  const clients = new Map<string, Client>();
  for (const id of clientIds) {
    const client = await getCachedClient(db, id);
    if (client) clients.set(id, client);
  }
  const keys = parsed.filter((p) => p.key).map((p) => ({ clientId: p.input.clientId, idempotencyKey: p.key! }));
  const existing = new Map<string, Message>();
  if (keys.length) {
    const found = await db.message.findMany({ where: { OR: keys } });
    for (const m of found) existing.set(`${m.clientId}\u0000${m.idempotencyKey}`, m);
  }

  const rows: ReturnType<typeof buildRow>[] = [];
  const created = new Map<string, Message>();
  for (const p of parsed) {
    const client = clients.get(p.input.clientId);
    if (!client) {
      results[p.index] = { index: p.index, error: { code: "NOT_FOUND", message: `client ${p.input.clientId} not found` } };
      continue;
    }
    const keyId = p.key ? `${client.id}\u0000${p.key}` : undefined;
    const prior = keyId ? existing.get(keyId) ?? created.get(keyId) : undefined;
    if (prior) {
      results[p.index] = { index: p.index, message: prior, created: false };
      continue;
    }
    try {
      const row = buildRow(client, p.input, { maxAttempts: opts.maxAttempts, idempotencyKey: p.key }, now);
      rows.push(row);
      const message = inserted(row);
      if (keyId) created.set(keyId, message);
      results[p.index] = { index: p.index, message, created: true };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results[p.index] = { index: p.index, error: { code: err.code, message: err.message, details: err.details } };
    }
  }
  if (rows.length) {
    await insertMessages(db, rows);
  }
  return results;
}
