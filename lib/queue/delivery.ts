// Provider delivery reports move sent messages forward (the deliver, read and undeliver
// transitions): sent < delivered < read, or sent → dead_letter when the provider says it was
// undelivered, bounced or dropped. Reports arrive late, twice or out of order; a report that
// would move a message backwards changes nothing. A reported price replaces the estimate.
// One transaction of raw statements, each over ONE JSON parameter: the sandbox flushes
// thousands of reports at once, more than a bound-parameter list may hold.
import type { Database } from "../db/client";
import type { Message } from "../generated/sqlite/client";
import type { StatusReport } from "../domain/status-report";
import { runSteps, type Step } from "../db/direct";
import { insertRowsSql } from "../db/json-rows";
import { sql, wordList } from "../db/sql";
import { HISTORY_COLUMNS, historyRow, normalizeRow, snapshot } from "./message-row";
import { fromStatuses, type Transition, type TransitionName } from "./transitions";

export type { StatusReport };

const TRANSITION_OF: Record<StatusReport["status"], TransitionName> = { delivered: "deliver", read: "read", undelivered: "undeliver" };

function reasonOf(r: StatusReport): string {
  return `undelivered${r.errorCode ? ` (${r.errorCode})` : ""}: ${r.error ?? "reported by the provider"}`;
}

/** Applies reports; returns the transitions made and the provider ids that matched no message. */
export async function applyStatusReports(database: Database, reports: StatusReport[], now = new Date()): Promise<{ transitions: Transition[]; moved: Message[]; unmatched: string[] }> {
  const { dialect } = database;
  const t = dialect.ts(now);
  const steps: Step[] = [];
  for (const status of ["delivered", "read", "undelivered"] as const) {
    // The last report per message wins within one batch.
    const mine = [...new Map(reports.filter((r) => r.status === status).map((r) => [r.providerMessageId, r])).values()];
    if (!mine.length) continue;
    const source = dialect.jsonRows({ pmid: "text", reason: "text" }, mine.map((r) => ({ pmid: r.providerMessageId, reason: status === "undelivered" ? reasonOf(r) : null })));
    const reason = sql`SELECT r."reason" FROM r WHERE r."pmid" = "Message"."providerMessageId"`;
    const set =
      status === "delivered"
        ? sql`"status" = 'delivered', "deliveredAt" = ${t}`
        : status === "read"
          ? sql`"status" = 'read', "readAt" = ${t}, "deliveredAt" = COALESCE("Message"."deliveredAt", ${t})`
          : sql`"status" = 'dead_letter', "deadLetterAt" = ${t}, "deadLetterReason" = (${reason}), "lastError" = (${reason})`;
    // `IN (SELECT …)`, not `UPDATE … FROM r`: SQLite would loop over every sent message
    // and scan the JSON for each; this way each reported id is one index lookup. (An
    // unindexed status keeps SQLite from preferring the status index, which would visit every sent row.)
    steps.push(() => sql`
      WITH r AS (${source})
      UPDATE "Message" SET ${set}, "updatedAt" = ${t}
      WHERE "providerMessageId" IN (SELECT "pmid" FROM r) AND ${dialect.unindexed("status")} IN (${wordList(fromStatuses(TRANSITION_OF[status]))})
      RETURNING *`);
  }
  const moves = steps.length;
  const priced = reports.filter((r) => typeof r.costCents === "number");
  if (priced.length) {
    const source = dialect.jsonRows({ pmid: "text", cost: "int" }, priced.map((r) => ({ pmid: r.providerMessageId, cost: r.costCents })));
    steps.push(() => sql`WITH p AS (${source})
      UPDATE "Message" SET "costCents" = (SELECT p."cost" FROM p WHERE p."pmid" = "Message"."providerMessageId")
      WHERE "providerMessageId" IN (SELECT "pmid" FROM p)`);
  }
  // The history of what moved, from the rows the updates returned: same transaction.
  steps.push((earlier) => insertRowsSql(database, "MessageEvent", HISTORY_COLUMNS, earlier.slice(0, moves).flat().map((row) => {
    const m = row as Message;
    return historyRow(m.id, m.status, m.status === "dead_letter" ? m.deadLetterReason : null, now);
  })));
  const results = await runSteps(database, steps);
  const moved = results.slice(0, moves).flat().map((r) => normalizeRow(r as Message));
  const ids = [...new Set(reports.map((r) => r.providerMessageId))];
  const known = new Set<string>(moved.map((m) => m.providerMessageId!));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    const source = dialect.jsonRows({ pmid: "text" }, unknown.map((pmid) => ({ pmid })));
    const found = await runSteps(database, [() => sql`SELECT "providerMessageId" FROM "Message" WHERE "providerMessageId" IN (SELECT "pmid" FROM (${source}) AS u)`]);
    for (const f of found[0] as { providerMessageId: string }[]) known.add(f.providerMessageId);
  }
  const transitions = moved.map((m): Transition => ({ name: m.status === "delivered" ? "deliver" : m.status === "read" ? "read" : "undeliver", message: snapshot(m) }));
  return { transitions, moved, unmatched: ids.filter((id) => !known.has(id)) };
}
