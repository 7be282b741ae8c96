// The prune transition (retention): deletes finished messages, and old attempt rows of
// finished messages, in small batches (select ids, delete by id) so no statement holds the
// queue's tables for long. Every delete re-checks its condition, so a row that changed
// between the select and the delete stays. Never pruned: dead letters and anything in flight.
import type { Database } from "../db/client";
import { PRUNABLE_STATUSES } from "./transitions";

export interface Batches {
  batchSize: number;
  /** Runs select → delete until a batch comes back short (pauses and stops between batches). */
  inBatches(select: () => Promise<{ id: string }[]>, remove: (ids: string[]) => Promise<void>): Promise<void>;
}

export async function pruneFinishedMessages({ db }: Database, cutoff: Date, batches: Batches) {
  const counts = { messages: 0, attempts: 0, messageEvents: 0 };
  const old = { status: { in: [...PRUNABLE_STATUSES] }, createdAt: { lt: cutoff }, updatedAt: { lt: cutoff } };
  await batches.inBatches(
    () => db.message.findMany({ where: old, select: { id: true }, orderBy: { id: "asc" }, take: batches.batchSize }),
    async (ids) => {
      // Attempts and history first (the schema cascades too; this does not depend on it), one transaction.
      const [attempts, events, messages] = await db.$transaction([
        db.messageAttempt.deleteMany({ where: { messageId: { in: ids }, message: old } }),
        db.messageEvent.deleteMany({ where: { messageId: { in: ids }, message: old } }),
        db.message.deleteMany({ where: { id: { in: ids }, ...old } }),
      ]);
      counts.attempts += attempts.count;
      counts.messageEvents += events.count;
      counts.messages += messages.count;
    },
  );
  return counts;
}

export async function pruneOldAttempts({ db }: Database, cutoff: Date, batches: Batches): Promise<number> {
  let count = 0;
  const old = { createdAt: { lt: cutoff }, message: { status: { in: [...PRUNABLE_STATUSES] } } };
  await batches.inBatches(
    () => db.messageAttempt.findMany({ where: old, select: { id: true }, orderBy: { id: "asc" }, take: batches.batchSize }),
    async (ids) => {
      count += (await db.messageAttempt.deleteMany({ where: { id: { in: ids }, ...old } })).count;
    },
  );
  return count;
}
