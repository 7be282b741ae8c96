// Claim: atomically move up to `limit` due messages to `processing` under a lease.
// PostgreSQL: FOR UPDATE SKIP LOCKED, so parallel workers never take the same row.
// SQLite: one UPDATE ... RETURNING, which runs inside SQLite's single write lock.
// `processing` rows whose lease (runAt) has expired are claimable again: that is how a
// crashed worker's messages are recovered. Such a row keeps its sendStartedAt, which tells
// the new owner that a provider call may have happened (see lib/queue/send-progress.ts).
import type { Database } from "../db/client";
import type { Message } from "../generated/sqlite/client";
import { raw, sql, wordList } from "../db/sql";
import { runRead } from "../db/direct";
import { CLAIMABLE_STATUSES } from "./transitions";
import { normalizeRow } from "./message-row";

export interface ClaimOptions {
  owner: string;
  limit: number;
  leaseMs: number;
  now: Date;
}

export async function claimDueMessages(database: Database, opts: ClaimOptions): Promise<Message[]> {
  // One ordered range scan of the (status, runAt) index per claimable status, joined
  // with UNION ALL: `status IN (...) ORDER BY runAt` would sort every due row on each
  // claim. Expired leases come first (the oldest work), then retries, then new messages.
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const due = (status: string) =>
    sql`SELECT "id" FROM (SELECT "id" FROM "Message" WHERE "status" = ${status} AND "runAt" <= ${opts.now} ORDER BY "runAt" LIMIT ${opts.limit} ${database.dialect.claimLock}) AS ${raw(`"due_${status}"`)}`;
  const rows = await runRead<Message>(database, sql`
    UPDATE "Message"
       SET "status" = 'processing', "leaseOwner" = ${opts.owner}, "leaseExpiresAt" = ${leaseUntil},
           "runAt" = ${leaseUntil}, "updatedAt" = ${opts.now}
     WHERE "id" IN (
       SELECT "id" FROM (${due("processing")} UNION ALL ${due("failed")} UNION ALL ${due("pending")}) AS "due"
        LIMIT ${opts.limit})
       AND "status" IN (${wordList(CLAIMABLE_STATUSES)})
    RETURNING *`);
  return rows.map(normalizeRow);
}
