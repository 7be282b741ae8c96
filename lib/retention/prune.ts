// Retention: deletes what is old and finished, in small batches (select ids, delete by id),
// so no statement holds the tables for long and the worker claims between batches. The
// messages' part is the queue's prune transition (lib/queue/prune.ts).
// Never pruned: dead-lettered messages, messages still in flight (pending, processing,
// failed), their attempts, and unresolved errors; audit entries while what they concern
// exists (lib/retention/prune-audit.ts).
import type { Database } from "../db/client";
import { pruneFinishedMessages, pruneOldAttempts } from "../queue/prune";
import { pruneOrphanedAudit } from "./prune-audit";

export { PRUNABLE_STATUSES } from "../queue/transitions";

export const RETENTION_DEFAULTS = {
  sentMessagesDays: 90,
  attemptsDays: 90,
  webhookEventsDays: 30,
  resolvedErrorsDays: 30,
  auditDays: 365,
  batchSize: 500,
  pauseMs: 5,
};

export interface PruneOptions {
  now?: Date;
  /** Days to keep each kind; 0 keeps it forever. */
  sentMessagesDays?: number;
  attemptsDays?: number;
  webhookEventsDays?: number;
  resolvedErrorsDays?: number;
  /** Audit entries of a pruned message or error, once older than this and every other retention. */
  auditDays?: number;
  batchSize?: number;
  /** A pause between batches, so other writers get the database. */
  pauseMs?: number;
  /** Stops between batches (shutdown). */
  signal?: AbortSignal;
}

export interface PruneCounts {
  messages: number;
  attempts: number;
  messageEvents: number;
  webhookEvents: number;
  errors: number;
  audit: number;
}

const DAY_MS = 86_400_000;

export async function pruneOldData(database: Database, opts: PruneOptions = {}): Promise<PruneCounts> {
  const o = { ...RETENTION_DEFAULTS, ...definedOnly(opts) };
  const now = opts.now ?? new Date();
  const cutoff = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const { db } = database;
  const counts: PruneCounts = { messages: 0, attempts: 0, messageEvents: 0, webhookEvents: 0, errors: 0, audit: 0 };

  // In batches until a batch comes back short; every delete re-checks its condition, so a
  // row that changed between the select and the delete stays.
  async function inBatches(select: () => Promise<{ id: string }[]>, remove: (ids: string[]) => Promise<void>) {
    for (;;) {
      if (opts.signal?.aborted) return;
      const ids = (await select()).map((r) => r.id);
      if (ids.length) await remove(ids);
      if (ids.length < o.batchSize) return;
      await new Promise((r) => setTimeout(r, o.pauseMs));
    }
  }

  const batches = { batchSize: o.batchSize, inBatches };
  if (o.sentMessagesDays > 0) {
    const pruned = await pruneFinishedMessages(database, cutoff(o.sentMessagesDays), batches);
    counts.messages += pruned.messages;
    counts.attempts += pruned.attempts;
    counts.messageEvents += pruned.messageEvents;
  }
  if (o.attemptsDays > 0) counts.attempts += await pruneOldAttempts(database, cutoff(o.attemptsDays), batches);

  if (o.webhookEventsDays > 0) {
    const old = { receivedAt: { lt: cutoff(o.webhookEventsDays) } };
    await inBatches(
      () => db.webhookEvent.findMany({ where: old, select: { id: true }, orderBy: { receivedAt: "asc" }, take: o.batchSize }),
      async (ids) => {
        counts.webhookEvents += (await db.webhookEvent.deleteMany({ where: { id: { in: ids }, ...old } })).count;
      },
    );
  }

  if (o.resolvedErrorsDays > 0) {
    const old = { resolvedAt: { not: null, lt: cutoff(o.resolvedErrorsDays) } };
    await inBatches(
      () => db.errorLog.findMany({ where: old, select: { id: true }, orderBy: { id: "asc" }, take: o.batchSize }),
      async (ids) => {
        counts.errors += (await db.errorLog.deleteMany({ where: { id: { in: ids }, ...old } })).count;
      },
    );
  }
  if (o.auditDays > 0) {
    // Never sooner than the longest retention: an entry stays at least as long as anything it could concern.
    const days = Math.max(o.auditDays, o.sentMessagesDays, o.attemptsDays, o.resolvedErrorsDays);
    counts.audit = await pruneOrphanedAudit(db, cutoff(days), o.batchSize, opts.signal);
  }
  return counts;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
