// The cancel transition for messages a booking supersedes (a returning customer's pending
// nurture and earlier reminders), as statements for call ingestion's own transaction: the
// call, its customer, its new follow-ups and these cancellations commit together.
import type { Database } from "../db/client";
import type { Message } from "../generated/sqlite/client";
import { insertRowsSql } from "../db/json-rows";
import { sql, wordList, type Sql } from "../db/sql";
import { HISTORY_COLUMNS, historyRow, snapshot } from "./message-row";
import { CANCELLABLE_STATUSES, type Transition } from "./transitions";

export interface Supersede {
  message: Message;
  at: Date;
  note: string;
}

/** The update and history statements, and the transitions they make (for publish once committed). */
export function supersedeStatements(database: Database, items: Supersede[]): { statements: Sql[]; transitions: Transition[] } {
  if (!items.length) return { statements: [], transitions: [] };
  const source = database.dialect.jsonRows({ id: "text", at: "timestamp" }, items.map((i) => ({ id: i.message.id, at: i.at })));
  // `id IN (SELECT …)`, not `UPDATE … FROM s`: SQLite would visit every message and look
  // each up in the JSON (20–35 ms a batch at 60,000 messages); this is one lookup per id.
  const update = sql`WITH s AS (${source})
    UPDATE "Message" SET "status" = 'cancelled', "cancelledAt" = (SELECT s."at" FROM s WHERE s."id" = "Message"."id"),
      "updatedAt" = (SELECT s."at" FROM s WHERE s."id" = "Message"."id")
    WHERE "Message"."id" IN (SELECT "id" FROM s) AND "Message"."status" IN (${wordList(CANCELLABLE_STATUSES)})`;
  const history = insertRowsSql(database, "MessageEvent", HISTORY_COLUMNS, items.map((i) => historyRow(i.message.id, "cancelled", i.note, i.at)))!;
  return {
    statements: [update, history],
    transitions: items.map((i) => ({ name: "cancel", message: snapshot({ ...i.message, status: "cancelled" }) })),
  };
}
