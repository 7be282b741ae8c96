// The statements that keep a Conversation row current: one per batch of new outbound rows
// (run in the same transaction as the queue's Message insert) and one per inbound message.
// Both are INSERT ... ON CONFLICT, the same text on SQLite and PostgreSQL, so concurrent
// writers never race on "does it exist yet".
import type { Database } from "../db/client";
import { raw, sql, type Columns, type Sql } from "../db/sql";

/** The customer's address as a conversation keeps it: no whatsapp: prefix, lower case. */
export const conversationAddress = (address: string) => address.replace(/^whatsapp:/, "").trim().toLowerCase();

const PREVIEW = 500;
const preview = (text: string) => (text.length > PREVIEW ? text.slice(0, PREVIEW) : text);

const COLUMNS: Columns = {
  id: "text", clientId: "text", channel: "text", address: "text", customerId: "text", lastMessageId: "text", lastText: "text",
  unread: "int", inboundAt: "timestamp", direction: "text", at: "timestamp",
};

export interface ConversationTouch {
  id: string; clientId: string; channel: string; address: string; customerId: string | null;
  messageId: string; text: string; direction: "inbound" | "outbound"; at: Date;
}

/**
 * Creates or advances conversations. Activity (updatedAt and the last message) only moves
 * forward, so a late write of an older message leaves a newer one shown; inbound messages
 * add to unreadCount and open WhatsApp's window (lastInboundAt).
 */
export function touchConversationsSql(database: Pick<Database, "dialect">, touches: ConversationTouch[]): Sql | null {
  if (!touches.length) return null;
  // One row per conversation per statement (PostgreSQL refuses to update a row twice in one).
  const byId = new Map<string, ConversationTouch & { unread: number; inboundAt: Date | null }>();
  for (const t of touches) {
    const prior = byId.get(t.id);
    const inbound = t.direction === "inbound";
    const unread = (prior?.unread ?? 0) + (inbound ? 1 : 0);
    const inboundAt = inbound && (!prior?.inboundAt || prior.inboundAt < t.at) ? t.at : prior?.inboundAt ?? null;
    const latest = !prior || prior.at <= t.at ? t : prior;
    byId.set(t.id, { ...latest, customerId: t.customerId ?? prior?.customerId ?? null, unread, inboundAt });
  }
  const rows = [...byId.values()].map((t) => ({
    id: t.id, clientId: t.clientId, channel: t.channel, address: conversationAddress(t.address), customerId: t.customerId,
    lastMessageId: t.messageId, lastText: preview(t.text), unread: t.unread, inboundAt: t.inboundAt, direction: t.direction, at: t.at,
  }));
  const source = database.dialect.jsonRows(COLUMNS, rows);
  const newer = raw(`excluded."updatedAt" >= "Conversation"."updatedAt"`);
  return sql`INSERT INTO "Conversation" ("id", "clientId", "channel", "address", "customerId", "unreadCount", "lastInboundAt", "lastMessageId", "lastDirection", "lastText", "createdAt", "updatedAt")
    SELECT s."id", s."clientId", s."channel", s."address", s."customerId", s."unread", s."inboundAt", s."lastMessageId", s."direction", s."lastText", s."at", s."at"
    FROM (${source}) AS s WHERE true
    ON CONFLICT ("id") DO UPDATE SET
      "customerId" = COALESCE(excluded."customerId", "Conversation"."customerId"),
      "unreadCount" = "Conversation"."unreadCount" + excluded."unreadCount",
      "lastInboundAt" = CASE WHEN excluded."lastInboundAt" IS NOT NULL AND ("Conversation"."lastInboundAt" IS NULL OR excluded."lastInboundAt" > "Conversation"."lastInboundAt") THEN excluded."lastInboundAt" ELSE "Conversation"."lastInboundAt" END,
      "lastMessageId" = CASE WHEN ${newer} THEN excluded."lastMessageId" ELSE "Conversation"."lastMessageId" END,
      "lastDirection" = CASE WHEN ${newer} THEN excluded."lastDirection" ELSE "Conversation"."lastDirection" END,
      "lastText" = CASE WHEN ${newer} THEN excluded."lastText" ELSE "Conversation"."lastText" END,
      "updatedAt" = CASE WHEN ${newer} THEN excluded."updatedAt" ELSE "Conversation"."updatedAt" END`;
}

/** The touches for new outbound message rows (every row carries its conversationId). */
export function outboundTouches(rows: readonly { id: string; clientId: string; channel: string; to: string; body: string; subject: string | null; customerId: string | null; conversationId: string | null; createdAt: Date }[]): ConversationTouch[] {
  return rows.filter((r) => r.conversationId).map((r) => ({
    id: r.conversationId!, clientId: r.clientId, channel: r.channel, address: r.to, customerId: r.customerId,
    messageId: r.id, text: r.channel === "email" && r.subject ? r.subject : r.body, direction: "outbound", at: r.createdAt,
  }));
}
