// Claim: atomically move up to `limit` due messages to `processing` under a lease.
// PostgreSQL: FOR UPDATE SKIP LOCKED, so parallel workers never take the same row.
// SQLite: one UPDATE ... RETURNING, which runs inside SQLite's single write lock.
// `processing` rows whose lease (runAt) has expired are claimable again: that is
// how a crashed worker's messages are recovered.
import type { Database } from "../db";
import type { Message } from "../generated/sqlite/client";
import { raw, sql } from "./sql";
import { runRead } from "../sqlite-direct";

export interface ClaimOptions {
  owner: string;
  limit: number;
  leaseMs: number;
  now: Date;
}

export async function claimDueMessages({ db, dialect }: Database, opts: ClaimOptions): Promise<Message[]> {
  // One ordered range scan of the (status, runAt) index per claimable status, joined
  // with UNION ALL: `status IN (...) ORDER BY runAt` would sort every due row on each
  // claim. Expired leases come first (the oldest work), then retries, then new messages.
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const lock = dialect === "postgres" ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const due = (status: string) =>
    sql`SELECT "id" FROM (SELECT "id" FROM "Message" WHERE "status" = ${status} AND "runAt" <= ${opts.now} ORDER BY "runAt" LIMIT ${opts.limit} ${lock}) AS ${raw(`"due_${status}"`)}`;
  const rows = await runRead<Message>(db, sql`
    UPDATE "Message"
       SET "status" = 'processing', "leaseOwner" = ${opts.owner}, "leaseExpiresAt" = ${leaseUntil},
           "runAt" = ${leaseUntil}, "updatedAt" = ${opts.now}
     WHERE "id" IN (
       SELECT "id" FROM (${due("processing")} UNION ALL ${due("failed")} UNION ALL ${due("pending")}) AS "due"
        LIMIT ${opts.limit})
       AND "status" IN ('processing', 'failed', 'pending')
    RETURNING *`);
  return rows.map(normalizeRow);
}

/** Raw rows come back with driver types (SQLite integers as bigint); give them the model's. */
export function normalizeRow(row: Message): Message {
  const r = row as unknown as Record<string, unknown>;
  for (const key of ["attempts", "maxAttempts", "costCents"]) r[key] = Number(r[key]);
  for (const key of ["scheduledFor", "runAt", "nextAttemptAt", "leaseExpiresAt", "deadLetterAt", "sentAt", "deliveredAt", "readAt", "cancelledAt", "createdAt", "updatedAt"]) {
    const v = r[key];
    if (v !== null && v !== undefined && !(v instanceof Date)) r[key] = new Date(v as string);
  }
  return row;
}
