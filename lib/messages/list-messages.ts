// GET /api/messages with several statuses (the console's Sent tab: sent, delivered, read).
// `status IN (...) ORDER BY id DESC` cannot walk the (status, id) index in order, so the database
// reads and sorts every matching row (~180 ms for 65,000 of 100,000 on SQLite). One keyset page
// per status walks the index instead, and merging them by id is the same page: the first `limit`
// ids of the union are among the first `limit` of each status.
import type { Db } from "../db";
import { listMessages as listPage } from "../queue/list";
import type { ListQuery } from "../schemas/message";

export async function listMessages(db: Db, query: ListQuery) {
  const statuses = query.status?.in ?? [];
  if (statuses.length < 2) return listPage(db, query);
  const pages = await Promise.all(statuses.map((status) => listPage(db, { ...query, status: { in: [status] } })));
  const merged = pages.flatMap((p) => p.messages).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const messages = merged.slice(0, query.limit);
  const more = merged.length > query.limit || pages.some((p) => p.nextCursor !== null);
  return { messages, nextCursor: more && messages.length ? messages[messages.length - 1]!.id : null };
}
