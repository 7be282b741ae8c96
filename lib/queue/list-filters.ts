// The message list's filters, written once in both forms a list needs: a Prisma where clause
// (an ordinary page) and raw SQL conditions (a text search finds its page's ids in SQL, so the
// other filters must be in that statement too, or a page would come back short).
import type { Database } from "../db/client";
import type { Prisma } from "../generated/sqlite/client";
import { searchIds } from "../db/like";
import { join, sql, type Sql } from "../db/sql";
import type { MessageFilterQuery } from "../schemas/message";

/** At most this many customers match a customer filter; more names than that is not a filter. */
const CUSTOMER_MATCHES = 1_000;

export interface ResolvedFilter {
  where: Prisma.MessageWhereInput;
  /** The same conditions for searchIds (everything except status, channel and client, which it takes as `equals`). */
  conditions: Sql[];
}

/** The ids of the customers a customer filter names (text in name, phone or email). */
async function customerIds(database: Database, text: string, clientId: string | undefined): Promise<string[]> {
  return searchIds(database, { table: "Customer", columns: ["name", "phone", "email"], text, equals: { clientId }, limit: CUSTOMER_MATCHES });
}

export async function resolveMessageFilter(database: Database, f: MessageFilterQuery): Promise<ResolvedFilter> {
  const where: Prisma.MessageWhereInput = {};
  const conditions: Sql[] = [];
  if (f.status) where.status = f.status;
  if (f.channel) where.channel = f.channel;
  if (f.clientId) where.clientId = f.clientId;
  if (f.from || f.until) {
    where.createdAt = { ...(f.from ? { gte: f.from } : {}), ...(f.until ? { lt: f.until } : {}) };
    if (f.from) conditions.push(sql`"createdAt" >= ${f.from}`);
    if (f.until) conditions.push(sql`"createdAt" < ${f.until}`);
  }
  if (f.provider) {
    where.provider = f.provider;
    conditions.push(sql`"provider" = ${f.provider}`);
  }
  if (f.errorClass) {
    where.attempt = { some: { outcome: "failed", errorClass: f.errorClass } };
    conditions.push(sql`EXISTS (SELECT 1 FROM "MessageAttempt" a WHERE a."messageId" = "Message"."id" AND a."outcome" = 'failed' AND a."errorClass" = ${f.errorClass})`);
  }
  if (f.customer) {
    const ids = await customerIds(database, f.customer, f.clientId);
    where.customerId = { in: ids };
    conditions.push(ids.length ? sql`"customerId" IN (${join(ids)})` : sql`1 = 0`);
  }
  return { where, conditions };
}

/** The equality filters searchIds takes directly. */
export function searchEquals(f: MessageFilterQuery) {
  return { status: f.status?.in, channel: f.channel, clientId: f.clientId };
}
