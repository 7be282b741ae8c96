// Per-minute throughput for GET /api/stats/timeseries and the overview's chart. Each series
// counts what the tile of the same name counts (lib/queue/stats.ts), so the chart and the
// figures above it agree: `sent` messages by when a provider accepted them (sentAt),
// `delivered` by deliveredAt, `failed` failed provider attempts by when they failed.
import type { Database } from "../db/client";
import { runRead } from "../db/direct";
import { raw, sql, type Sql } from "../db/sql";

const MINUTE = 60_000;

export interface TimeseriesPoint {
  /** The minute's start, ISO-8601 UTC. */
  minute: string;
  sent: number;
  failed: number;
  delivered: number;
}

export interface Timeseries {
  from: string;
  until: string;
  /** Oldest first, one point per minute, minutes with nothing included (as zeros). */
  points: TimeseriesPoint[];
}

/** `2026-12-02T08:15`: a timestamp column cut to its minute, in UTC, on either database. */
function minuteOf(database: Database, column: string): Sql {
  return database.dialect.name === "postgres"
    ? raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI')`)
    // SQLite holds timestamps as Prisma's adapter writes them: `2026-12-02T08:15:30.123+00:00`.
    : raw(`substr(${column}, 1, 16)`);
}

async function countByMinute(database: Database, query: Sql): Promise<Map<string, number>> {
  const rows = await runRead<{ minute: string; n: number | bigint }>(database, query);
  return new Map(rows.map((r) => [r.minute, Number(r.n)]));
}

export async function getTimeseries(database: Database, opts: { hours: number; clientId?: string; now?: Date }): Promise<Timeseries> {
  const now = opts.now ?? new Date();
  const last = Math.floor(now.getTime() / MINUTE) * MINUTE;
  const minutes = opts.hours * 60;
  const since = new Date(last - (minutes - 1) * MINUTE);
  const scope = opts.clientId ? sql`AND "clientId" = ${opts.clientId}` : sql``;
  const byColumn = (column: string) =>
    countByMinute(database, sql`SELECT ${minuteOf(database, `"${column}"`)} AS "minute", COUNT(*) AS "n" FROM "Message"
      WHERE "${raw(column)}" >= ${since} ${scope} GROUP BY 1`);
  const failedScope = opts.clientId ? sql`AND m."clientId" = ${opts.clientId}` : sql``;
  const [sent, delivered, failed] = await Promise.all([
    byColumn("sentAt"),
    byColumn("deliveredAt"),
    countByMinute(database, sql`SELECT ${minuteOf(database, `a."createdAt"`)} AS "minute", COUNT(*) AS "n" FROM "MessageAttempt" a
      ${opts.clientId ? sql`JOIN "Message" m ON m."id" = a."messageId"` : sql``}
      WHERE a."outcome" = 'failed' AND a."createdAt" >= ${since} ${failedScope} GROUP BY 1`),
  ]);
  const points = Array.from({ length: minutes }, (_, i) => {
    const start = new Date(since.getTime() + i * MINUTE).toISOString();
    const key = start.slice(0, 16);
    return { minute: start, sent: sent.get(key) ?? 0, failed: failed.get(key) ?? 0, delivered: delivered.get(key) ?? 0 };
  });
  return { from: since.toISOString(), until: new Date(last + MINUTE).toISOString(), points };
}
