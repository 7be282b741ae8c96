// PostgreSQL's side of the Dialect. Parameters in a VALUES list or a CASE are typed as
// text, so timestamps there are cast explicitly.
import type { Dialect } from "./dialect";
import { raw, sql } from "./sql";

const PG_TYPE = { text: "text", int: "integer", timestamp: "timestamp(3)", bool: "boolean" } as const;

export const postgresDialect: Dialect = {
  name: "postgres",
  ts: (value) => sql`CAST(${value} AS TIMESTAMP(3))`,
  bool: (value) => raw(value ? "true" : "false"),
  jsonRows(columns, rows) {
    const names = Object.keys(columns);
    const json = JSON.stringify(rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n] ?? null]))));
    const defs = names.map((n) => `"${n}" ${PG_TYPE[columns[n]!]}`).join(", ");
    return sql`SELECT ${raw(names.map((n) => `"${n}"`).join(", "))} FROM jsonb_to_recordset(CAST(${json} AS jsonb)) AS x(${raw(defs)})`;
  },
  claimLock: sql`FOR UPDATE SKIP LOCKED`,
  unindexed: (column) => raw(`"${column}"`),
};
