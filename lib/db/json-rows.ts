// INSERT ... SELECT from one JSON parameter (see Dialect.jsonRows for why).
import type { Database } from "./client";
import { raw, sql, type Columns, type Sql } from "./sql";

/** INSERT INTO table (columns) SELECT ... from one JSON parameter, optionally only rows where `guard` (over alias s) holds. */
export function insertRowsSql(database: Pick<Database, "dialect">, table: string, columns: Columns, rows: Record<string, unknown>[], guard?: Sql): Sql | null {
  if (rows.length === 0) return null;
  const names = Object.keys(columns).map((n) => `"${n}"`).join(", ");
  const source = database.dialect.jsonRows(columns, rows);
  return guard
    ? sql`INSERT INTO ${raw(`"${table}"`)} (${raw(names)}) SELECT ${raw(names)} FROM (${source}) AS s WHERE ${guard}`
    : sql`INSERT INTO ${raw(`"${table}"`)} (${raw(names)}) ${source}`;
}
