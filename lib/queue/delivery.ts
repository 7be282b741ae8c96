// Provider delivery reports move sent messages forward: sent < delivered < read, or
// sent → dead_letter when the provider says it was undelivered, bounced or dropped.
// Reports arrive late, twice or out of order; a report that would move a message
// backwards changes nothing. A reported price replaces the estimate.
// Raw SQL with one JSON parameter per statement: the sandbox flushes thousands of
// reports at once, more than a bound-parameter list may hold.
import type { Db } from "../db";
import { dbDialect } from "../db";
import type { Message } from "../generated/sqlite/client";
import { newId } from "../ids";
import { normalizeRow } from "./claim";
import { HISTORY_COLUMNS } from "./complete";
import { insertRowsSql, jsonRowsSource, raw, sql, tsParam } from "./sql";
import { runRead, runWrites } from "../sqlite-direct";

export interface StatusReport {
  providerMessageId: string;
  status: "delivered" | "read" | "undelivered";
  errorCode?: string | null;
  error?: string | null;
  costCents?: number | null;
  at?: Date;
}

const ALLOWED_FROM: Record<StatusReport["status"], string[]> = {
  delivered: ["sent"],
  read: ["sent", "delivered"],
  undelivered: ["sent"],
};

function reasonOf(r: StatusReport): string {
  return `undelivered${r.errorCode ? ` (${r.errorCode})` : ""}: ${r.error ?? "reported by the provider"}`;
}

/** Applies reports; returns the messages that moved and the provider ids that matched no message. */
export async function applyStatusReports(db: Db, reports: StatusReport[], now = new Date()): Promise<{ moved: Message[]; unmatched: string[] }> {
  const dialect = dbDialect(db);
  const t = tsParam(dialect, now);
  const moved: Message[] = [];
  for (const status of ["delivered", "read", "undelivered"] as const) {
    // The last report per message wins within one batch.
    const mine = [...new Map(reports.filter((r) => r.status === status).map((r) => [r.providerMessageId, r])).values()];
    if (!mine.length) continue;
    const source = jsonRowsSource(dialect, { pmid: "text", reason: "text" }, mine.map((r) => ({ pmid: r.providerMessageId, reason: status === "undelivered" ? reasonOf(r) : null })));
    const reasonOf_ = sql`SELECT r."reason" FROM r WHERE r."pmid" = "Message"."providerMessageId"`;
    const set =
      status === "delivered"
        ? sql`"status" = 'delivered', "deliveredAt" = ${t}`
        : status === "read"
          ? sql`"status" = 'read', "readAt" = ${t}, "deliveredAt" = COALESCE("Message"."deliveredAt", ${t})`
          : sql`"status" = 'dead_letter', "deadLetterAt" = ${t}, "deadLetterReason" = (${reasonOf_}), "lastError" = (${reasonOf_})`;
    // `IN (SELECT …)`, not `UPDATE … FROM r`: SQLite would loop over every sent message
    // and scan the JSON for each; this way each reported id is one index lookup. (`+status`
    // keeps SQLite from preferring the status index, which would visit every sent row.)
    const rows = await runRead<Message>(db, sql`
      WITH r AS (${source})
      UPDATE "Message" SET ${set}, "updatedAt" = ${t}
      WHERE "providerMessageId" IN (SELECT "pmid" FROM r) AND ${raw(dialect === "sqlite" ? `+"status"` : `"status"`)} IN (${raw(ALLOWED_FROM[status].map((s) => `'${s}'`).join(", "))})
      RETURNING *`);
    moved.push(...rows.map(normalizeRow));
  }
  const priced = reports.filter((r) => typeof r.costCents === "number");
  if (priced.length) {
    const source = jsonRowsSource(dialect, { pmid: "text", cost: "int" }, priced.map((r) => ({ pmid: r.providerMessageId, cost: r.costCents })));
    await runWrites(db, [sql`WITH p AS (${source})
      UPDATE "Message" SET "costCents" = (SELECT p."cost" FROM p WHERE p."pmid" = "Message"."providerMessageId")
      WHERE "providerMessageId" IN (SELECT "pmid" FROM p)`]);
  }
  const history = insertRowsSql(dialect, "MessageEvent", HISTORY_COLUMNS, moved.map((m) => ({
    id: newId("mev"), messageId: m.id, status: m.status, note: m.status === "dead_letter" ? m.deadLetterReason : null, createdAt: now,
  })));
  if (history) await runWrites(db, [history]);
  const ids = [...new Set(reports.map((r) => r.providerMessageId))];
  const known = new Set<string>(moved.map((m) => m.providerMessageId!));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    const source = jsonRowsSource(dialect, { pmid: "text" }, unknown.map((pmid) => ({ pmid })));
    const found = await runRead<{ providerMessageId: string }>(db, sql`SELECT "providerMessageId" FROM "Message" WHERE "providerMessageId" IN (SELECT "pmid" FROM (${source}) AS u)`);
    for (const f of found) known.add(f.providerMessageId);
  }
  return { moved, unmatched: ids.filter((id) => !known.has(id)) };
}
