// The SQL pieces that differ between SQLite and PostgreSQL, as one object carried on the
// database handle (Database.dialect). Each database has its own file.
import type { Columns, Sql } from "./sql";

export type DialectName = "sqlite" | "postgres";

export interface Dialect {
  name: DialectName;
  /** A timestamp parameter where the database cannot infer its type (PostgreSQL's VALUES/CASE). */
  ts(value: Date | null): Sql;
  /** A boolean literal column value. */
  bool(value: boolean): Sql;
  /**
   * A SELECT yielding `rows` as a table, from ONE JSON parameter (SQLite's json_each,
   * PostgreSQL's jsonb_to_recordset). Prisma's per-parameter cost dominates a multi-row
   * VALUES list (about a millisecond per row); one JSON text costs almost nothing.
   */
  jsonRows(columns: Columns, rows: Record<string, unknown>[]): Sql;
  /** The row lock a claim takes (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite's one writer needs none). */
  claimLock: Sql;
  /** `"status"` as a column the planner should not use an index for (SQLite picks the status index badly). */
  unindexed(column: string): Sql;
}

export function dialectNameOf(url: string): DialectName {
  return url.startsWith("file:") ? "sqlite" : "postgres";
}
