// The message list as CSV (GET /api/messages/export): the same filters as the list, newest
// first, read one keyset page at a time and handed out as it is read, so an export of a
// million rows never sits in memory and its first bytes leave at once.
import type { Database } from "../db/client";
import type { Message } from "../generated/sqlite/client";
import type { MessageFilterQuery } from "../schemas/message";
import { listMessages } from "./list";
import { resolveMessageFilter } from "./list-filters";

const PAGE = 200;

const iso = (d: Date | null) => (d ? d.toISOString() : "");

const COLUMNS: [string, (m: Message, clientName: string) => string | number][] = [
  ["id", (m) => m.id],
  ["client", (_m, name) => name],
  ["clientId", (m) => m.clientId],
  ["channel", (m) => m.channel],
  ["to", (m) => m.to],
  ["status", (m) => m.status],
  ["category", (m) => m.category],
  ["kind", (m) => m.kind ?? ""],
  ["attempts", (m) => m.attempts],
  ["provider", (m) => m.provider ?? ""],
  ["lastError", (m) => m.deadLetterReason ?? m.lastError ?? ""],
  ["createdAt", (m) => iso(m.createdAt)],
  ["scheduledFor", (m) => iso(m.scheduledFor)],
  // When it will really go (a held message's next opening); empty once it has gone.
  ["sendsAt", (m) => (m.status === "pending" || m.status === "failed" ? iso(m.runAt) : "")],
  ["sentAt", (m) => iso(m.sentAt)],
  ["deliveredAt", (m) => iso(m.deliveredAt)],
  ["costCents", (m) => m.costCents],
  ["subject", (m) => m.subject ?? ""],
  ["body", (m) => m.body],
];

/**
 * One CSV field (RFC 4180). A text a spreadsheet would run as a formula (`=`, `@`, or `+`/`-`
 * that is not a number or phone number) is prefixed with `'`.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=@\t\r]/.test(text) || /^[+-](?![\d\s().-]*$)/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (fields: (string | number)[]) => fields.map(csvField).join(",") + "\r\n";

/** How many rows an export will have, when it can be known cheaply (not for a text search). */
export async function countExport(database: Database, filter: MessageFilterQuery): Promise<number | null> {
  if (filter.q) return null;
  const { where } = await resolveMessageFilter(database, filter);
  return database.db.message.count({ where });
}

/** The header line, then one line per message, a page at a time. */
export async function* exportMessagesCsv(database: Database, filter: MessageFilterQuery): AsyncGenerator<string> {
  const clients = new Map((await database.db.client.findMany({ select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  yield line(COLUMNS.map(([name]) => name));
  let cursor: string | undefined;
  do {
    const page = await listMessages(database, { ...filter, cursor, limit: PAGE });
    yield page.messages.map((m) => line(COLUMNS.map(([, value]) => value(m, clients.get(m.clientId) ?? "")))).join("");
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
