// Read side of the error log: the filtered, keyset-paginated list and the stats.
// Ids are time-ordered (lib/ids.ts), so "newest first" is "id descending".
import { decodeRecord } from "../domain/json-columns";
import type { Database, Db, Dialect } from "../db/client";
import { searchIds } from "../db/like";
import { sql, type Sql } from "../db/sql";
import type { ErrorLog, Prisma } from "../generated/sqlite/client";
import { SEVERITIES, type Severity } from "./log-error";
import { SINCE_MS, type ErrorListQuery, type ErrorStatsQuery } from "./schemas";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toApiError(e: ErrorLog) {
  return {
    id: e.id,
    clientId: e.clientId,
    service: e.service,
    operation: e.operation,
    errorType: e.errorType,
    severity: e.severity,
    message: e.message,
    context: decodeRecord(e.context),
    fingerprint: e.fingerprint,
    occurrences: e.occurrences,
    lastSeenAt: e.lastSeenAt.toISOString(),
    resolvedAt: iso(e.resolvedAt),
    acknowledgedAt: iso(e.acknowledgedAt),
    createdAt: e.createdAt.toISOString(),
  };
}
export type ApiErrorEntry = ReturnType<typeof toApiError>;

interface QueryContext {
  now?: Date;
}

/** An entry is in a `since` window when it was last seen in it (a repeat keeps an old row current). */
function scopeWhere(q: { since?: keyof typeof SINCE_MS; clientId?: string }, now: Date): Prisma.ErrorLogWhereInput {
  return {
    ...(q.clientId && { clientId: q.clientId }),
    ...(q.since && { lastSeenAt: { gte: new Date(now.getTime() - SINCE_MS[q.since]) } }),
  };
}

function listWhere(q: ErrorListQuery, now: Date): Prisma.ErrorLogWhereInput {
  const where: Prisma.ErrorLogWhereInput = scopeWhere(q, now);
  if (q.service) where.service = q.service;
  if (q.type) where.errorType = q.type;
  if (q.severity) where.severity = q.severity;
  if (q.resolved !== undefined) where.resolvedAt = q.resolved ? { not: null } : null;
  return where;
}

/** listWhere's conditions as SQL, for the text search (Prisma's `contains` cannot escape LIKE's wildcards). */
function searchConditions(dialect: Dialect, q: ErrorListQuery, now: Date): Sql[] {
  const out: Sql[] = [];
  if (q.since) out.push(sql`"lastSeenAt" >= ${dialect.ts(new Date(now.getTime() - SINCE_MS[q.since]))}`);
  if (q.resolved !== undefined) out.push(q.resolved ? sql`"resolvedAt" IS NOT NULL` : sql`"resolvedAt" IS NULL`);
  return out;
}

/** One run of entries, newest first: of one severity and below an id if asked, through the text search when there is text. */
async function findEntries(database: Database, q: ErrorListQuery, now: Date, page: { severity?: string; before?: string; take: number }): Promise<ErrorLog[]> {
  const { db } = database;
  if (q.q) {
    const equals = { clientId: q.clientId, service: q.service, errorType: q.type, severity: page.severity ?? q.severity };
    const ids = await searchIds(database, { table: "ErrorLog", columns: ["message"], text: q.q, equals, where: searchConditions(database.dialect, q, now), before: page.before, limit: page.take });
    return db.errorLog.findMany({ where: { id: { in: ids } }, orderBy: { id: "desc" } });
  }
  const and: Prisma.ErrorLogWhereInput[] = [listWhere(q, now), ...(page.severity ? [{ severity: page.severity }] : []), ...(page.before ? [{ id: { lt: page.before } }] : [])];
  return db.errorLog.findMany({ where: { AND: and }, orderBy: { id: "desc" }, take: page.take });
}

export async function listErrors(database: Database, q: ErrorListQuery, ctx: QueryContext = {}) {
  const now = ctx.now ?? new Date();
  const rows = q.sort === "severity" ? await listBySeverity(database, q, now) : await findEntries(database, q, now, { before: q.cursor?.replace(/^\d:/, ""), take: q.limit + 1 });
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  const nextCursor = more && last ? (q.sort === "severity" ? `${rankOf(last.severity)}:${last.id}` : last.id) : null;
  return { errors: page.map(toApiError), nextCursor };
}

const rankOf = (severity: string) => Math.max(0, SEVERITIES.indexOf(severity as Severity));

// Most severe first, newest first within a severity. The severity column is text, so its
// rank is not an index order: read one severity at a time (at most four small queries).
async function listBySeverity(database: Database, q: ErrorListQuery, now: Date) {
  const [rankText, cursorId] = q.cursor?.includes(":") ? q.cursor.split(":") : [undefined, q.cursor];
  const startRank = rankText === undefined ? 0 : Number(rankText);
  const rows: ErrorLog[] = [];
  for (let rank = startRank; rank < SEVERITIES.length && rows.length <= q.limit; rank++) {
    const severity = SEVERITIES[rank]!;
    if (q.severity && q.severity !== severity) continue;
    rows.push(...(await findEntries(database, q, now, { severity, before: rank === startRank ? cursorId : undefined, take: q.limit + 1 - rows.length })));
  }
  return rows;
}

function countBy<K extends string>(rows: ({ _count: { _all: number } } & Record<K, string>)[], key: K): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r[key], r._count._all]));
}

/** Counts by severity, service, type and resolution; `unresolved` feeds the console's badge. */
export async function getErrorStats(db: Db, q: ErrorStatsQuery, ctx: QueryContext = {}) {
  const now = ctx.now ?? new Date();
  const where = scopeWhere(q, now);
  const [bySeverity, byService, byType, unresolved, total, resolved, acknowledged] = await Promise.all([
    db.errorLog.groupBy({ by: ["severity"], where, _count: { _all: true } }),
    db.errorLog.groupBy({ by: ["service"], where, _count: { _all: true } }),
    db.errorLog.groupBy({ by: ["errorType"], where, _count: { _all: true } }),
    db.errorLog.groupBy({ by: ["severity"], where: { ...where, resolvedAt: null }, _count: { _all: true } }),
    db.errorLog.count({ where }),
    db.errorLog.count({ where: { ...where, resolvedAt: { not: null } } }),
    db.errorLog.count({ where: { ...where, resolvedAt: null, acknowledgedAt: { not: null } } }),
  ]);
  const zeroes = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  return {
    total,
    bySeverity: { ...zeroes(), ...countBy(bySeverity, "severity") },
    byService: countBy(byService, "service"),
    byType: countBy(byType, "errorType"),
    byResolution: { open: total - resolved - acknowledged, acknowledged, resolved },
    unresolved: { ...zeroes(), ...countBy(unresolved, "severity") },
    generatedAt: now.toISOString(),
  };
}
export type ErrorStats = Awaited<ReturnType<typeof getErrorStats>>;
