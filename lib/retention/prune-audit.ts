// The audit trail's retention: an entry outlives what it concerns. Only entries about a message
// or an error log entry that no longer exists go, and only once older than the longest retention
// that applies (so an entry is never gone while its record could still be shown). Entries about
// clients, users, suppressions and consents are kept: those records are never pruned.
import type { Db } from "../db/client";

/** Pages through old candidates in id order (their own loop: a page may keep every row, so a short delete does not mean the end). */
export async function pruneOrphanedAudit(db: Db, cutoff: Date, batchSize: number, signal?: AbortSignal): Promise<number> {
  let pruned = 0;
  const old = { at: { lt: cutoff } };
  let after = "";
  for (;;) {
    if (signal?.aborted) return pruned;
    const rows = await db.auditEntry.findMany({
      where: { ...old, id: { gt: after }, OR: [{ messageId: { not: null } }, { targetKind: "error" }] },
      select: { id: true, messageId: true, targetKind: true, targetId: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (!rows.length) return pruned;
    after = rows[rows.length - 1]!.id;
    const messageIds = [...new Set(rows.flatMap((r) => (r.messageId ? [r.messageId] : [])))];
    const errorIds = [...new Set(rows.flatMap((r) => (!r.messageId && r.targetKind === "error" ? [r.targetId] : [])))];
    const livingMessages = new Set((await db.message.findMany({ where: { id: { in: messageIds } }, select: { id: true } })).map((m) => m.id));
    const livingErrors = new Set((await db.errorLog.findMany({ where: { id: { in: errorIds } }, select: { id: true } })).map((e) => e.id));
    const gone = rows.filter((r) => (r.messageId ? !livingMessages.has(r.messageId) : !livingErrors.has(r.targetId))).map((r) => r.id);
    if (gone.length) pruned += (await db.auditEntry.deleteMany({ where: { id: { in: gone }, ...old } })).count;
    if (rows.length < batchSize) return pruned;
  }
}
