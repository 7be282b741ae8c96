// Repeats become a count. The same problem logged again (same fingerprint) within an hour of
// its first occurrence, while nobody has resolved it, adds to that row's `occurrences` and
// moves its `lastSeenAt` (and shows the latest message) instead of writing a row: 300 forged webhooks make one entry "×300",
// not 300 entries. A batch of new entries costs a lookup, one update per repeated problem and
// one insert; replicas that log the same new problem at the same moment may each start a row
// (at most one per replica per window), which is harmless.
import type { Db } from "../db/client";
import type { ErrorLog } from "../generated/sqlite/client";
import type { ErrorEventPayload } from "../realtime/contract";

export const FOLD_WINDOW_MS = 3_600_000;

/** An entry as logError builds it, before it is written. */
export type NewEntry = Omit<ErrorLog, "occurrences" | "lastSeenAt" | "resolvedAt" | "acknowledgedAt">;

export interface Folded {
  /** Rows written now, with how many of the batch each stands for. */
  created: ErrorLog[];
  /** Open rows the batch added to: the row as it is now, and how many it gained. */
  repeated: { entry: ErrorLog; added: number }[];
}

// An entry shows its latest occurrence (the message may name this time's id or code), kept
// under the id, severity and createdAt of its first.
const latest = (e: NewEntry) => ({ message: e.message, context: e.context, lastSeenAt: e.createdAt });

/** Writes a batch of entries, folding repeats into open rows (and repeats within the batch into one). */
export async function writeFolded(db: Db, entries: NewEntry[], opts: { windowMs?: number; now?: Date } = {}): Promise<Folded> {
  if (!entries.length) return { created: [], repeated: [] };
  const groups = new Map<string, { first: NewEntry; latest: NewEntry; count: number }>();
  for (const e of entries) {
    const g = groups.get(e.fingerprint);
    if (!g) groups.set(e.fingerprint, { first: e, latest: e, count: 1 });
    else {
      g.count++;
      if (e.createdAt >= g.latest.createdAt) g.latest = e;
    }
  }
  const now = opts.now ?? new Date();
  const open = await db.errorLog.findMany({
    where: { fingerprint: { in: [...groups.keys()] }, resolvedAt: null, createdAt: { gte: new Date(now.getTime() - (opts.windowMs ?? FOLD_WINDOW_MS)) } },
    orderBy: { id: "desc" },
    select: { id: true, fingerprint: true },
  });
  const openId = new Map<string, string>();
  for (const row of open) if (!openId.has(row.fingerprint)) openId.set(row.fingerprint, row.id);

  const toAdd = [...groups.entries()].filter(([fp]) => openId.has(fp));
  // The row may have been resolved since it was read: then `count` is 0 and the repeats start a new row.
  const updates = toAdd.length
    ? await db.$transaction(toAdd.map(([fp, g]) =>
        db.errorLog.updateMany({ where: { id: openId.get(fp)!, resolvedAt: null }, data: { occurrences: { increment: g.count }, ...latest(g.latest) } })))
    : [];
  const added = new Map(toAdd.filter((_, i) => updates[i]!.count > 0).map(([fp, g]) => [openId.get(fp)!, g.count]));
  const fresh = [...groups.entries()].filter(([fp]) => !added.has(openId.get(fp) ?? "")).map(([, g]) => ({ ...g.first, occurrences: g.count, ...latest(g.latest) }));
  if (fresh.length) await db.errorLog.createMany({ data: fresh });

  const changed = added.size ? await db.errorLog.findMany({ where: { id: { in: [...added.keys()] } } }) : [];
  return {
    created: fresh.map((e) => ({ ...e, resolvedAt: null, acknowledgedAt: null })),
    repeated: changed.map((entry) => ({ entry, added: added.get(entry.id)! })),
  };
}

export function toErrorEventPayload(e: ErrorLog, repeats?: number): ErrorEventPayload {
  return {
    id: e.id,
    clientId: e.clientId,
    service: e.service,
    severity: e.severity,
    message: e.message,
    createdAt: e.createdAt.toISOString(),
    errorType: e.errorType,
    operation: e.operation,
    fingerprint: e.fingerprint,
    occurrences: e.occurrences,
    lastSeenAt: e.lastSeenAt.toISOString(),
    ...(repeats !== undefined && { repeats }),
  };
}
