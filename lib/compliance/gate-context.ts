// What the compliance rules need for one claimed batch, loaded up front so the per-message
// decision stays synchronous: each held-to-quiet-hours recipient's zone, consents on
// record (only for clients that require them) and each marketing recipient's recent sends.
// A batch of transactional messages costs no query here.
import type { Database } from "../db/client";
import type { Client, Message } from "../generated/sqlite/client";
import { join, sql } from "../db/sql";
import { runRead } from "../db/direct";
import { complianceOf } from "./settings";
import { recipientOf, type Recipient } from "./recipient-zone";
import { normalizeAddress } from "../suppressions";

export interface ComplianceContext {
  /** By message id: where the recipient is (SMS/WhatsApp held to quiet hours only). */
  recipients: Map<string, Recipient>;
  /** key(clientId, address, channel) of live consents; channel "all" covers every channel. */
  consents: Set<string>;
  /** key(clientId, address) → times of marketing sends in the last week (ms), oldest first; grows as the batch sends. */
  recentSends: Map<string, number[]>;
}

export const WEEK_MS = 7 * 86_400_000;
export const recipientKey = (clientId: string, address: string, channel?: string) =>
  `${clientId}\u0000${normalizeAddress(address)}${channel === undefined ? "" : `\u0000${channel}`}`;

const toMs = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === "number" ? v : new Date(String(v)).getTime());

export async function loadComplianceContext(database: Database, messages: Message[], clients: Map<string, Client>, now: Date): Promise<ComplianceContext> {
  const ctx: ComplianceContext = { recipients: new Map(), consents: new Set(), recentSends: new Map() };
  const held = messages.filter((m) => {
    const client = clients.get(m.clientId);
    return client && m.channel !== "email" && complianceOf(client).quietHoursCategories.has(m.category);
  });
  const marketing = messages.filter((m) => m.category === "marketing" && clients.has(m.clientId));
  if (!held.length && !marketing.length) return ctx;

  const clientIds = [...new Set([...held, ...marketing].map((m) => m.clientId))];
  const phones = [...new Set(held.map((m) => normalizeAddress(m.to)))];
  const customerIds = [...new Set(held.flatMap((m) => (m.customerId ? [m.customerId] : [])))];
  const asSent = [...new Set(marketing.flatMap((m) => [m.to, normalizeAddress(m.to), `whatsapp:${normalizeAddress(m.to)}`]))];
  const needConsent = marketing.filter((m) => complianceOf(clients.get(m.clientId)!).marketingRequiresConsent);

  const [customers, consents, sends] = await Promise.all([
    phones.length
      ? runRead<{ id: string; clientId: string; phone: string | null; timezone: string | null }>(database, sql`
          SELECT "id", "clientId", "phone", "timezone" FROM "Customer"
           WHERE "clientId" IN (${join(clientIds)}) AND "timezone" IS NOT NULL
             AND ("phone" IN (${join(phones)})${customerIds.length ? sql` OR "id" IN (${join(customerIds)})` : sql``})`)
      : [],
    needConsent.length
      ? runRead<{ clientId: string; address: string; channel: string }>(database, sql`
          SELECT "clientId", "address", "channel" FROM "Consent"
           WHERE "clientId" IN (${join([...new Set(needConsent.map((m) => m.clientId))])})
             AND "address" IN (${join([...new Set(needConsent.map((m) => normalizeAddress(m.to)))])}) AND "revokedAt" IS NULL`)
      : [],
    marketing.length
      ? runRead<{ clientId: string; to: string; sentAt: unknown }>(database, sql`
          SELECT "clientId", "to", "sentAt" FROM "Message"
           WHERE "clientId" IN (${join(clientIds)}) AND "to" IN (${join(asSent)})
             AND "category" = 'marketing' AND "sentAt" >= ${new Date(now.getTime() - WEEK_MS)}`)
      : [],
  ]);

  const zoneById = new Map(customers.map((c) => [c.id, c.timezone]));
  const zoneByPhone = new Map(customers.flatMap((c) => (c.phone ? [[recipientKey(c.clientId, c.phone), c.timezone] as const] : [])));
  await Promise.all(
    held.map(async (m) => {
      const customerZone = (m.customerId && zoneById.get(m.customerId)) || zoneByPhone.get(recipientKey(m.clientId, m.to)) || null;
      ctx.recipients.set(m.id, await recipientOf(m.to, { customerZone, clientZone: clients.get(m.clientId)!.timezone }));
    }),
  );
  for (const c of consents) ctx.consents.add(recipientKey(c.clientId, c.address, c.channel));
  for (const s of sends) {
    const key = recipientKey(s.clientId, s.to);
    const list = ctx.recentSends.get(key) ?? [];
    list.push(toMs(s.sentAt));
    ctx.recentSends.set(key, list);
  }
  for (const list of ctx.recentSends.values()) list.sort((a, b) => a - b);
  return ctx;
}
