// The inbox's reads: conversations newest activity first (keyset pages on updatedAt, id), one
// conversation with its latest messages, a thread's history (inbound and outbound merged),
// and "mark read". Conversations are found by their own row; the last message's status is
// one lookup by id for the whole page.
import { z } from "zod";
import type { Database } from "../db/client";
import { Prisma, type Conversation, type Customer } from "../generated/sqlite/client";
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

/**
 * The customer of each row: by customerId, else (a conversation that began before its
 * customer was known, e.g. an API send followed by a call) by the client and the address.
 */
async function customersOf(database: Database, rows: Conversation[]): Promise<Map<string, Customer>> {
  const { db } = database;
  const customerIds = [...new Set(rows.map((r) => r.customerId).filter((id): id is string => !!id))];
  const unlinked = rows.filter((r) => !r.customerId);
  const [linked, byAddress] = await Promise.all([
    customerIds.length ? db.customer.findMany({ where: { id: { in: customerIds } } }) : [],
    unlinked.length
      ? db.customer.findMany({ where: { OR: unlinked.map((r) => ({ clientId: r.clientId, ...(r.channel === "email" ? { email: r.address } : { phone: r.address }) })) } })
      : [],
  ]);
  const byId = new Map(linked.map((c) => [c.id, c]));
  const key = (clientId: string, address: string | null) => `${clientId}|${(address ?? "").toLowerCase()}`;
  const byKey = new Map<string, Customer>();
  for (const c of byAddress) {
    if (c.phone) byKey.set(key(c.clientId, c.phone), c);
    if (c.email) byKey.set(key(c.clientId, c.email), c);
  }
  const out = new Map<string, Customer>();
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
    outboundIds.length ? database.db.message.findMany({ where: { id: { in: outboundIds } }, select: { id: true, status: true } }) : [],
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

/** How many of the most recently active matches a search pages through. */
export const SEARCH_LIMIT = 1000;

/**
 * The ids of the conversations whose address, last text or customer's name contains `text`
 * literally (lib/db/like.ts: `%` and `_` are not wildcards), most recently active first.
 */
async function searchConversationIds(database: Database, text: string, q: { clientId?: string; channel?: string }): Promise<string[]> {
  const rows = await runRead<{ id: string }>(database, sql`
    SELECT c."id" FROM "Conversation" c
    WHERE (${containsAnySql(database.dialect, ["address", "lastText"], text)}
      OR EXISTS (SELECT 1 FROM "Customer" u WHERE u."clientId" = c."clientId"
        AND (u."id" = c."customerId" OR u."phone" = c."address" OR lower(u."email") = c."address")
        AND ${containsAnySql(database.dialect, ["name"], text)}))
      ${q.clientId ? sql`AND c."clientId" = ${q.clientId}` : empty} ${q.channel ? sql`AND c."channel" = ${q.channel}` : empty}
    ORDER BY c."updatedAt" DESC, c."id" DESC LIMIT ${SEARCH_LIMIT}`);
  return rows.map((r) => r.id);
}

export async function listConversations(database: Database, q: ConversationListQuery & { clientId?: string }) {
  const { db } = database;
  const and: object[] = [];
  if (q.clientId) and.push({ clientId: q.clientId });
  if (q.channel) and.push({ channel: q.channel });
  if (q.unread === "true") and.push({ unreadCount: { gt: 0 } });
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    and.push({ OR: [{ updatedAt: { lt: c.at } }, { updatedAt: c.at, id: { lt: c.id } }] });
  }
  if (q.q) and.push({ id: { in: await searchConversationIds(database, q.q, q) } });
  const rows = await db.conversation.findMany({ where: { AND: and }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return { conversations: await serializeConversations(database, page), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/** A conversation the caller may see; another client's answers 404, as if it did not exist. */
export async function getVisibleConversation(database: Database, principal: Principal | { kind: "widget"; conversationId: string }, id: string): Promise<Conversation> {
  const row = await database.db.conversation.findUnique({ where: { id } });
  const visible = row && (principal.kind === "widget" ? principal.conversationId === id : canReadClient(principal, row.clientId));
  if (!row || !visible) throw new AppError("NOT_FOUND", `conversation ${id} not found`);
  return row;
}

/**
 * API.md's history item. mediaUrl is the first picture or file; a message with several keeps
 * them all (Message metadata.mediaUrls, InboundMessage.mediaUrls), which the contract does not show yet.
 */
export interface HistoryItem { id: string; direction: "inbound" | "outbound"; text: string; mediaUrl: string | null; timestamp: string; status: string }

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
      id: r.id, direction: r.direction as HistoryItem["direction"], text: r.text, mediaUrl: media(r)[0] ?? null,
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
