// SQLite's side of the Dialect. Timestamps are compared as text, in the form Prisma's
// SQLite adapter writes them.
import type { Dialect } from "./dialect";
import { raw, sql } from "./sql";

/** How Prisma's SQLite adapter writes DateTime values; comparisons on text need the same form. */
export function sqliteTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

export const sqliteDialect: Dialect = {
  name: "sqlite",
  ts: (value) => sql`${value}`,
  bool: (value) => raw(value ? "1" : "0"),
  jsonRows(columns, rows) {
    const names = Object.keys(columns);
    // Rows as arrays (no key repeated per row): less text to build, pass and parse.
    const json = JSON.stringify(rows.map((r) => names.map((n) => {
      const v = r[n];
      return v instanceof Date ? sqliteTimestamp(v) : typeof v === "boolean" ? Number(v) : v ?? null;
    })));
    const select = names.map((n, i) => `json_extract(value, '$[${i}]') AS "${n}"`).join(", ");
    return sql`SELECT ${raw(select)} FROM json_each(${json})`;
  },
  claimLock: sql``,
  unindexed: (column) => raw(`+"${column}"`),
};
