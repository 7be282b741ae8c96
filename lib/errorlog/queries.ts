// Read side of the error log: the filtered, keyset-paginated list and the stats.
// Ids are time-ordered (lib/ids.ts), so "newest first" is "id descending".
import { decodeRecord } from "../domain/json-columns";
import type { Db, DialectName as Dialect } from "../db/client";
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
    resolvedAt: iso(e.resolvedAt),
    acknowledgedAt: iso(e.acknowledgedAt),
    createdAt: e.createdAt.toISOString(),
  };
}
export type ApiErrorEntry = ReturnType<typeof toApiError>;

interface QueryContext {
  now?: Date;
  /** PostgreSQL needs `mode: "insensitive"` for a case-blind search; SQLite's LIKE already is. */
  dialect?: Dialect;
}

function scopeWhere(q: { since?: keyof typeof SINCE_MS; clientId?: string }, now: Date): Prisma.ErrorLogWhereInput {
  return {
    ...(q.clientId && { clientId: q.clientId }),
    ...(q.since && { createdAt: { gte: new Date(now.getTime() - SINCE_MS[q.since]) } }),
  };
}

function listWhere(q: ErrorListQuery, ctx: QueryContext): Prisma.ErrorLogWhereInput {
  const where: Prisma.ErrorLogWhereInput = scopeWhere(q, ctx.now ?? new Date());
  if (q.service) where.service = q.service;
  if (q.type) where.errorType = q.type;
  if (q.severity) where.severity = q.severity;
  if (q.resolved !== undefined) where.resolvedAt = q.resolved ? { not: null } : null;
  if (q.q) {
    const contains = (ctx.dialect === "postgres" ? { contains: q.q, mode: "insensitive" } : { contains: q.q }) as Prisma.StringFilter;
    where.OR = [{ id: q.q }, { message: contains }];
  }
  return where;
}

export async function listErrors(db: Db, q: ErrorListQuery, ctx: QueryContext = {}) {
  const where = listWhere(q, ctx);
  const rows = q.sort === "severity" ? await listBySeverity(db, q, where) : await listByTime(db, q, where);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  const nextCursor = more && last ? (q.sort === "severity" ? `${rankOf(last.severity)}:${last.id}` : last.id) : null;
  return { errors: page.map(toApiError), nextCursor };
}

function listByTime(db: Db, q: ErrorListQuery, where: Prisma.ErrorLogWhereInput) {
  const cursorId = q.cursor?.replace(/^\d:/, "");
  const scoped = cursorId ? { AND: [where, { id: { lt: cursorId } }] } : where;
  return db.errorLog.findMany({ where: scoped, orderBy: { id: "desc" }, take: q.limit + 1 });
}

const rankOf = (severity: string) => Math.max(0, SEVERITIES.indexOf(severity as Severity));

// Most severe first, newest first within a severity. The severity column is text, so its
// rank is not an index order: read one severity at a time (at most four small queries).
async function listBySeverity(db: Db, q: ErrorListQuery, where: Prisma.ErrorLogWhereInput) {
  const [rankText, cursorId] = q.cursor?.includes(":") ? q.cursor.split(":") : [undefined, q.cursor];
  const startRank = rankText === undefined ? 0 : Number(rankText);
  const rows: ErrorLog[] = [];
  for (let rank = startRank; rank < SEVERITIES.length && rows.length <= q.limit; rank++) {
    const severity = SEVERITIES[rank]!;
    if (q.severity && q.severity !== severity) continue;
    const after = rank === startRank && cursorId ? [{ id: { lt: cursorId } }] : [];
    rows.push(
      ...(await db.errorLog.findMany({
        where: { AND: [where, { severity }, ...after] },
        orderBy: { id: "desc" },
        take: q.limit + 1 - rows.length,
      })),
    );
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
