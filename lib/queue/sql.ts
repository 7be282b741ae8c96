// Small helpers for the queue's raw SQL, which runs on SQLite and PostgreSQL.
// Identifiers are double-quoted (valid on both). PostgreSQL types parameters in a
// VALUES list as text, so timestamps and integers there are cast explicitly.
import { Prisma } from "../generated/sqlite/client";
import type { Dialect } from "../db";

export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export type Sql = ReturnType<typeof Prisma.sql>;

export function tsParam(dialect: Dialect, value: Date | null): Sql {
  return dialect === "postgres" ? sql`CAST(${value} AS TIMESTAMP(3))` : sql`${value}`;
}



export type ColumnType = "text" | "int" | "timestamp";
export type Columns = Record<string, ColumnType>;

/** How Prisma's SQLite adapter writes DateTime values; comparisons on text need the same form. */
export function sqliteTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/**
 * A SELECT yielding `rows` as a table, from ONE JSON parameter: SQLite's json_each,
 * PostgreSQL's jsonb_to_recordset. Prisma's per-parameter cost dominates a multi-row
 * VALUES list (about a millisecond per row here); one JSON text costs almost nothing.
 */
export function jsonRowsSource(dialect: Dialect, columns: Columns, rows: Record<string, unknown>[]): Sql {
  const names = Object.keys(columns);
  if (dialect === "sqlite") {
    // Rows as arrays (no key repeated per row): less text to build, pass and parse.
    const json = JSON.stringify(rows.map((r) => names.map((n) => {
      const v = r[n];
      return v instanceof Date ? sqliteTimestamp(v) : v ?? null;
    })));
    const select = names.map((n, i) => `json_extract(value, '$[${i}]') AS "${n}"`).join(", ");
    return sql`SELECT ${raw(select)} FROM json_each(${json})`;
  }
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n] ?? null]))));
  const pgType = { text: "text", int: "integer", timestamp: "timestamp(3)" } as const;
  const defs = names.map((n) => `"${n}" ${pgType[columns[n]!]}`).join(", ");
  return sql`SELECT ${raw(names.map((n) => `"${n}"`).join(", "))} FROM jsonb_to_recordset(CAST(${json} AS jsonb)) AS x(${raw(defs)})`;
}

/** INSERT INTO table (columns) SELECT ... from one JSON parameter, optionally only rows where `guard` (over alias s) holds. */
export function insertRowsSql(dialect: Dialect, table: string, columns: Columns, rows: Record<string, unknown>[], guard?: Sql): Sql | null {
  if (rows.length === 0) return null;
  const names = Object.keys(columns).map((n) => `"${n}"`).join(", ");
  const source = jsonRowsSource(dialect, columns, rows);
  return guard
    ? sql`INSERT INTO ${raw(`"${table}"`)} (${raw(names)}) SELECT ${raw(names)} FROM (${source}) AS s WHERE ${guard}`
    : sql`INSERT INTO ${raw(`"${table}"`)} (${raw(names)}) ${source}`;
}
