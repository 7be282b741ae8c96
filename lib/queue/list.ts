// Read side of the queue: lists (keyset-paginated by id, which is time-ordered),
// one message with its attempts and history, the schedule and the dead-letter queue.
import type { Database, Db } from "../db/client";
import type { Prisma } from "../generated/sqlite/client";
import type { ListQuery } from "../schemas/message";
import { searchIds } from "../db/like";
import { resolveMessageFilter, searchEquals } from "./list-filters";

/**
 * One keyset page, newest first. With several statuses (the console's Sent tab: sent,
 * delivered, read) `status IN (...) ORDER BY id DESC` cannot walk the (status, id) index in
 * order, so the database would read and sort every matching row (~180 ms for 65,000 of
 * 100,000 on SQLite). One page per status walks the index instead, and merging them by id
 * gives the same page: the first `limit` ids of the union are among the first `limit` of each.
 */
export async function listMessages(database: Database, query: ListQuery) {
  const statuses = query.status?.in ?? [];
  if (statuses.length < 2) return listPage(database, query);
  const pages = await Promise.all(statuses.map((status) => listPage(database, { ...query, status: { in: [status] } })));
  const merged = pages.flatMap((p) => p.messages).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const messages = merged.slice(0, query.limit);
  const more = merged.length > query.limit || pages.some((p) => p.nextCursor !== null);
  return { messages, nextCursor: more && messages.length ? messages[messages.length - 1]!.id : null };
}

async function listPage(database: Database, query: ListQuery) {
  const { db } = database;
  const { where, conditions } = await resolveMessageFilter(database, query);
  if (query.cursor) where.id = { lt: query.cursor };
  const shortId = query.q ? /^…([0-9a-f]{4,32})$/i.exec(query.q)?.[1] : undefined;
  if (shortId) {
    // The table's short id ("…3f9a0c1d", copied with its ellipsis) is the tail of the real one.
    where.id = { endsWith: shortId.toLowerCase(), ...(query.cursor ? { lt: query.cursor } : {}) };
  } else if (query.q) {
    // Prisma's `contains` reads %, _ and \ as wildcards: the search finds the page's ids (lib/db/like.ts).
    const ids = await searchIds(database, { table: "Message", columns: ["to", "body", "subject"], text: query.q, equals: searchEquals(query), where: conditions, before: query.cursor, limit: query.limit + 1 });
    where.id = { in: ids };
  }
  const rows = await db.message.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  const more = rows.length > query.limit;
  const messages = more ? rows.slice(0, query.limit) : rows;
  return { messages, nextCursor: more ? messages[messages.length - 1]!.id : null };
}

export async function getMessageDetail(db: Db, id: string) {
  return db.message.findUnique({
    where: { id },
    include: { attempt: { orderBy: { createdAt: "asc" } }, history: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
}

export async function listDeadLetter(db: Db, opts: { clientId?: string; limit?: number }) {
  const where: Prisma.MessageWhereInput = { status: "dead_letter", ...(opts.clientId ? { clientId: opts.clientId } : {}) };
  const [messages, total] = await Promise.all([
    db.message.findMany({ where, orderBy: [{ deadLetterAt: "desc" }, { id: "desc" }], take: opts.limit ?? 500 }),
    db.message.count({ where }),
  ]);
  return { messages, total };
}
