// Before sending: a suppressed (opted-out) recipient is dead-lettered; the compliance rules
// (lib/compliance/gate-rules.ts) hold a message to quiet hours in the recipient's zone and
// business hours, apply consent and frequency caps, and add one-click unsubscribe headers.
import type { Database } from "../db/client";
import type { Client, Message } from "../generated/sqlite/client";
import { getCachedClient } from "../clients/client-cache";
import { join, sql } from "../db/sql";
import { runRead } from "../db/direct";
import { normalizeAddress } from "../suppressions";
import { loadComplianceContext, type ComplianceContext } from "../compliance/gate-context";
import { checkCompliance, KEYWORD_REPLY_KINDS } from "../compliance/gate-rules";
import { conversationIdFor } from "../conversations/conversation-id";
import { windowClosesAt } from "../conversations/queries";

export type GateDecision =
  | { action: "send"; headers?: Record<string, string> }
  | { action: "dead_letter"; reason: string }
  | { action: "cancel"; reason: string }
  | { action: "hold"; until: Date; reason: string };

export interface GateContext {
  clients: Map<string, Client>;
  /** key(clientId, address, channel); channel "all" (or a legacy null) covers every channel. */
  suppressed: Set<string>;
  /** The same for suppressions of marketing only (a one-click email unsubscribe). */
  unsubscribed?: Set<string>;
  compliance?: ComplianceContext;
  /** WhatsApp messages' conversation id → when its 24-hour window closes (null: the customer never wrote). */
  whatsappWindows?: Map<string, Date | null>;
}

const key = (clientId: string, address: string, channel: string) => `${clientId}\u0000${address}\u0000${channel}`;

/** Whether this recipient opted out of this channel (or of everything) with this client. */
export function isSuppressed(ctx: GateContext, clientId: string, address: string, channel: string): boolean {
  const a = normalizeAddress(address);
  return ctx.suppressed.has(key(clientId, a, "all")) || ctx.suppressed.has(key(clientId, a, channel));
}

/** The conversation a WhatsApp message's window is read from. */
export const whatsappConversationOf = (m: Pick<Message, "conversationId" | "clientId" | "to">) => m.conversationId ?? conversationIdFor(m.clientId, "whatsapp", m.to);

/** When each WhatsApp message's window closes, read as the batch is claimed, just before its sends. */
async function loadWhatsAppWindows(database: Database, messages: Message[]): Promise<Map<string, Date | null>> {
  const ids = [...new Set(messages.filter((m) => m.channel === "whatsapp").map(whatsappConversationOf))];
  if (!ids.length) return new Map();
  const rows = await database.db.conversation.findMany({ where: { id: { in: ids } }, select: { id: true, channel: true, lastInboundAt: true } });
  const found = new Map(rows.map((r) => [r.id, windowClosesAt(r)]));
  return new Map(ids.map((id) => [id, found.get(id) ?? null]));
}

/** Loads what the gate needs for a whole batch: clients and suppressions in two queries, then the compliance context. */
export async function loadGateContext(database: Database, messages: Message[], now = new Date()): Promise<GateContext> {
  const clientIds = [...new Set(messages.map((m) => m.clientId))];
  const [clients, suppressions] = await Promise.all([
    Promise.all(clientIds.map((id) => getCachedClient(database.db, id))).then((found) => found.filter((c): c is Client => c !== null)),
    // A superset (any of these clients × any of these addresses), matched exactly below;
    // raw, because an ORM call costs more than the whole lookup here.
    runRead<{ clientId: string; address: string; channel: string | null; scope: string }>(database, sql`
      SELECT "clientId", "address", "channel", "scope" FROM "Suppression"
       WHERE "clientId" IN (${join(clientIds)}) AND "address" IN (${join([...new Set(messages.map((m) => normalizeAddress(m.to)))])})`),
  ]);
  const byId = new Map(clients.map((c) => [c.id, c]));
  return {
    clients: byId,
    suppressed: new Set(suppressions.filter((s) => s.scope !== "marketing").map((s) => key(s.clientId, s.address, s.channel ?? "all"))),
    unsubscribed: new Set(suppressions.filter((s) => s.scope === "marketing").map((s) => key(s.clientId, s.address, s.channel ?? "all"))),
    compliance: await loadComplianceContext(database, messages, byId, now),
    whatsappWindows: await loadWhatsAppWindows(database, messages),
  };
}

export function gateMessage(message: Message, ctx: GateContext, now: Date): GateDecision {
  if (message.kind && KEYWORD_REPLY_KINDS.has(message.kind)) return { action: "send" };
  const address = normalizeAddress(message.to);
  if (ctx.suppressed.has(key(message.clientId, address, "all")) || ctx.suppressed.has(key(message.clientId, address, message.channel))) {
    return { action: "dead_letter", reason: "opted_out" };
  }
  if (message.category === "marketing" && (ctx.unsubscribed?.has(key(message.clientId, address, "all")) || ctx.unsubscribed?.has(key(message.clientId, address, message.channel)))) {
    return { action: "dead_letter", reason: "unsubscribed from marketing" };
  }
  const client = ctx.clients.get(message.clientId);
  if (!client) return { action: "send" };
  const compliance = ctx.compliance ?? { recipients: new Map(), consents: new Set(), recentSends: new Map() };
  return checkCompliance(message, client, compliance, now);
}
