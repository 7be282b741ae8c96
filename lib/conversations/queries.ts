// The inbox's reads: conversations newest activity first (keyset pages on updatedAt, id), one
// conversation with its latest messages, a thread's history (inbound and outbound merged),
// and "mark read". Conversations are found by their own row; the last message's status is
// one lookup by id for the whole page. The page's statements are raw (lib/db/direct.ts): Prisma
// costs about a millisecond per IN-list parameter here, which for a page of 50 was most of
// the time; id lists go as one JSON parameter (Dialect.jsonRows).
import { z } from "zod";
import type { Database } from "../db/client";
import { Prisma, type Conversation, type Customer } from "../generated/sqlite/client";
import type { Sql } from "../db/sql";
import { AppError } from "../errors";
import { runRead } from "../db/direct";
import { sql } from "../db/sql";
import { containsAnySql } from "../db/like";

const { empty } = Prisma;
import { canReadClient, type Principal } from "../auth/principal";
import { mediaListOf, mediaUrlsOf } from "../messages/media";

export const WINDOW_MS = 24 * 60 * 60 * 1000;
const CHANNELS = ["sms", "whatsapp", "email"] as const;

export const conversationListQuerySchema = z.object({
  clientId: z.string().min(1).max(100).optional(),
  channel: z.enum(CHANNELS).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  unread: z.enum(["true", "false"]).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ConversationListQuery = z.infer<typeof conversationListQuerySchema>;

export const unreadQuerySchema = z.object({ clientId: z.string().min(1).max(100).optional() });

/** How many conversations have unread replies, and how many replies that is; one client's, or all. */
export async function unreadTotals(database: Database, clientId?: string): Promise<{ conversations: number; messages: number }> {
  const [row] = await runRead<{ conversations: unknown; messages: unknown }>(database, sql`
    SELECT COUNT(*) AS "conversations", COALESCE(SUM("unreadCount"), 0) AS "messages" FROM "Conversation"
    WHERE "unreadCount" > 0 ${clientId ? sql`AND "clientId" = ${clientId}` : empty}`);
  return { conversations: Number(row?.conversations ?? 0), messages: Number(row?.messages ?? 0) };
}

/** WhatsApp's customer-service window: open for 24 h after the customer's last message. */
export function windowClosesAt(c: Pick<Conversation, "channel" | "lastInboundAt">): Date | null {
  return c.channel === "whatsapp" && c.lastInboundAt ? new Date(c.lastInboundAt.getTime() + WINDOW_MS) : null;
}

const encodeCursor = (c: Conversation) => Buffer.from(`${c.updatedAt.toISOString()}|${c.id}`).toString("base64url");
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime())) throw new AppError("VALIDATION_FAILED", "cursor: not a cursor from this list", [{ path: "cursor", message: "invalid" }]);
  return { at: date, id };
}

type PageCustomer = Pick<Customer, "id" | "clientId" | "phone" | "email" | "name">;

/** `"column" IN (the given ids)`, the ids as one JSON parameter. */
const inIds = (database: Database, column: Sql, ids: string[]) => sql`${column} IN (SELECT "id" FROM (${database.dialect.jsonRows({ id: "text" }, ids.map((id) => ({ id })))}) AS ids)`;

/**
 * The customer of each row: by customerId, else (a conversation that began before its
 * customer was known, e.g. an API send followed by a call) by the client and the address.
 */
async function customersOf(database: Database, rows: Conversation[]): Promise<Map<string, PageCustomer>> {
  const customerIds = [...new Set(rows.map((r) => r.customerId).filter((id): id is string => !!id))];
  const unlinked = rows.filter((r) => !r.customerId).map((r) => ({ clientId: r.clientId, address: r.address, email: r.channel === "email" ? 1 : 0 }));
  const columns = sql`c."id", c."clientId", c."phone", c."email", c."name"`;
  const byAddress = (on: Sql, email: number) => sql`SELECT ${columns} FROM (${database.dialect.jsonRows({ clientId: "text", address: "text", email: "int" }, unlinked)}) AS k
    JOIN "Customer" c ON c."clientId" = k."clientId" AND ${on} WHERE k."email" = ${email}`;
  const [linked, found] = await Promise.all([
    customerIds.length ? runRead<PageCustomer>(database, sql`SELECT ${columns} FROM "Customer" c WHERE ${inIds(database, sql`c."id"`, customerIds)}`) : [],
    unlinked.length ? runRead<PageCustomer>(database, sql`${byAddress(sql`c."phone" = k."address"`, 0)} UNION ALL ${byAddress(sql`c."email" = k."address"`, 1)}`) : [],
  ]);
  const byId = new Map(linked.map((c) => [c.id, c]));
  const key = (clientId: string, address: string | null) => `${clientId}|${(address ?? "").toLowerCase()}`;
  const byKey = new Map<string, PageCustomer>();
  for (const c of found) {
    if (c.phone) byKey.set(key(c.clientId, c.phone), c);
    if (c.email) byKey.set(key(c.clientId, c.email), c);
  }
  const out = new Map<string, PageCustomer>();
  for (const r of rows) {
    const c = r.customerId ? byId.get(r.customerId) : byKey.get(key(r.clientId, r.address));
    if (c) out.set(r.id, c);
  }
  return out;
}

export async function serializeConversations(database: Database, rows: Conversation[]) {
  const outboundIds = rows.filter((r) => r.lastDirection === "outbound" && r.lastMessageId).map((r) => r.lastMessageId!);
  const [customerOf, messages] = await Promise.all([
    customersOf(database, rows),
    outboundIds.length ? runRead<{ id: string; status: string }>(database, sql`SELECT m."id", m."status" FROM "Message" m WHERE ${inIds(database, sql`m."id"`, outboundIds)}`) : [],
  ]);
  const statusOf = new Map(messages.map((m) => [m.id, m.status]));
  return rows.map((r) => {
    const customer = customerOf.get(r.id);
    return {
      id: r.id, clientId: r.clientId, channel: r.channel,
      customer: { id: customer?.id ?? null, name: customer?.name ?? null, phone: customer?.phone ?? (r.channel === "email" ? null : r.address), email: customer?.email ?? (r.channel === "email" ? r.address : null) },
      address: r.address,
      lastMessage: r.lastDirection
        ? { direction: r.lastDirection, text: r.lastText ?? "", status: r.lastDirection === "inbound" ? "received" : statusOf.get(r.lastMessageId ?? "") ?? null, at: r.updatedAt.toISOString() }
        : null,
      unreadCount: r.unreadCount,
      lastReadAt: r.lastReadAt?.toISOString() ?? null,
      windowClosesAt: windowClosesAt(r)?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
export type ApiConversation = Awaited<ReturnType<typeof serializeConversations>>[number];

/**
 * Conversations whose address or last text, or whose customer's name, contains `text`
 * literally (lib/db/like.ts: `%` and `_` are not wildcards). The matching customers are found
 * first (one pass over Customer) and lead to their conversations through indexes (by
 * customerId, or by client and address for one begun before its customer was known), so a
 * search costs one pass over each table, not a look at every customer per conversation.
 */
function searchSql(database: Database, text: string): Sql {
  const { dialect } = database;
  // The name matches are one set, computed once; the row's own text is checked as the page is
  // read in activity order, so a search matching many stops at the page's end.
  return sql`(${containsAnySql(dialect, ["address", "lastText"], text)} OR c."id" IN (
    WITH "named" AS (SELECT "id", "clientId", "phone", lower("email") AS "email" FROM "Customer" WHERE ${containsAnySql(dialect, ["name"], text)})
    SELECT v."id" FROM "named" u JOIN "Conversation" v ON v."customerId" = u."id" AND v."clientId" = u."clientId"
    UNION SELECT v."id" FROM "named" u JOIN "Conversation" v ON v."clientId" = u."clientId" AND v."address" = u."phone"
    UNION SELECT v."id" FROM "named" u JOIN "Conversation" v ON v."clientId" = u."clientId" AND v."address" = u."email"))`;
}

/** Raw rows come back with the driver's types (SQLite: dates as text); give them the model's. */
function conversationOf(r: Record<string, unknown>): Conversation {
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  return { ...(r as unknown as Conversation), unreadCount: Number(r.unreadCount), lastReadAt: date(r.lastReadAt), lastInboundAt: date(r.lastInboundAt), createdAt: date(r.createdAt)!, updatedAt: date(r.updatedAt)! };
}

/** One page, newest activity first, keyset-cut in SQL (so a search pages through any number of matches). */
export async function listConversations(database: Database, q: ConversationListQuery & { clientId?: string }) {
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const where: Sql[] = [
    ...(q.clientId ? [sql`c."clientId" = ${q.clientId}`] : []),
    ...(q.channel ? [sql`c."channel" = ${q.channel}`] : []),
    ...(q.unread === "true" ? [sql`c."unreadCount" > 0`] : []),
    ...(cursor ? [sql`(c."updatedAt" < ${cursor.at} OR (c."updatedAt" = ${cursor.at} AND c."id" < ${cursor.id}))`] : []),
    ...(q.q ? [searchSql(database, q.q)] : []),
  ];
  const rows = (await runRead<Record<string, unknown>>(database, sql`SELECT c.* FROM "Conversation" c
    ${where.length ? sql`WHERE ${Prisma.join(where, " AND ")}` : empty}
    ORDER BY c."updatedAt" DESC, c."id" DESC LIMIT ${q.limit + 1}`)).map(conversationOf);
  const page = rows.slice(0, q.limit);
  return { conversations: await serializeConversations(database, page), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/** One conversation by id, raw (every widget send reads it twice: Prisma's ~0.5 ms each was a fair part of the request). */
export async function readConversation(database: Database, id: string): Promise<Conversation | null> {
  const [row] = await runRead<Record<string, unknown>>(database, sql`SELECT * FROM "Conversation" WHERE "id" = ${id}`);
  return row ? conversationOf(row) : null;
}

/** A conversation the caller may see; another client's answers 404, as if it did not exist. */
export async function getVisibleConversation(database: Database, principal: Principal | { kind: "widget"; conversationId: string }, id: string): Promise<Conversation> {
  const row = await readConversation(database, id);
  const visible = row && (principal.kind === "widget" ? principal.conversationId === id : canReadClient(principal, row.clientId));
  if (!row || !visible) throw new AppError("NOT_FOUND", `conversation ${id} not found`);
  return row;
}

/**
 * API.md's history item, and mediaUrls: every picture or file of the message (mediaUrl is the
 * first, as the contract has it; Message metadata.mediaUrls, InboundMessage.mediaUrls).
 */
export interface HistoryItem { id: string; direction: "inbound" | "outbound"; text: string; mediaUrl: string | null; mediaUrls?: string[]; timestamp: string; status: string }

/** A page of one conversation, counted from the newest (offset 0 = the latest), oldest first within the page. */
export async function conversationHistory(database: Database, conversationId: string, limit: number, offset: number): Promise<{ messages: HistoryItem[]; total: number }> {
  const rows = await runRead<{ id: string; direction: string; text: string; metadata: string | null; mediaUrl: string | null; mediaUrls: string | null; at: unknown; status: string }>(database, sql`
    SELECT * FROM (
      SELECT m."id", 'outbound' AS "direction", m."body" AS "text", m."metadata", NULL AS "mediaUrl", NULL AS "mediaUrls", m."createdAt" AS "at", m."status" FROM "Message" m WHERE m."conversationId" = ${conversationId}
      UNION ALL
      SELECT i."id", 'inbound', i."body", NULL, i."mediaUrl", i."mediaUrls", i."createdAt", 'received' FROM "InboundMessage" i WHERE i."conversationId" = ${conversationId}
    ) AS h ORDER BY h."at" DESC, h."id" DESC LIMIT ${limit} OFFSET ${offset}`);
  const [count] = await runRead<{ n: unknown }>(database, sql`SELECT
    (SELECT COUNT(*) FROM "Message" WHERE "conversationId" = ${conversationId}) + (SELECT COUNT(*) FROM "InboundMessage" WHERE "conversationId" = ${conversationId}) AS "n"`);
  // Outbound media is in the message's metadata; inbound in its own column (one URL in rows stored before mediaUrls).
  const media = (r: { direction: string; metadata: string | null; mediaUrl: string | null; mediaUrls: string | null }) =>
    r.direction === "outbound" ? mediaUrlsOf(r.metadata) : r.mediaUrls ? mediaListOf(r.mediaUrls) : r.mediaUrl ? [r.mediaUrl] : [];
  return {
    messages: rows.reverse().map((r) => ({
      id: r.id, direction: r.direction as HistoryItem["direction"], text: r.text, mediaUrl: media(r)[0] ?? null, mediaUrls: media(r),
      timestamp: (r.at instanceof Date ? r.at : new Date(String(r.at).replace(" ", "T"))).toISOString(), status: r.status,
    })),
    total: Number(count!.n),
  };
}

export async function conversationDetail(database: Database, row: Conversation) {
  const [conversation] = await serializeConversations(database, [row]);
  const { messages, total } = await conversationHistory(database, row.id, 50, 0);
  return { conversation: conversation!, messages, total };
}

/** Marks it read: unreadCount 0, lastReadAt now. Its activity (updatedAt) stays. */
export async function markConversationRead(database: Database, row: Conversation, now = new Date()): Promise<ApiConversation> {
  const updated = await database.db.conversation.update({ where: { id: row.id }, data: { unreadCount: 0, lastReadAt: now } });
  return (await serializeConversations(database, [updated]))[0]!;
}
