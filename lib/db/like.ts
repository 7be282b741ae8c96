// Text search that matches what was typed, literally. Prisma's `contains` hands %, _ and \ to
// LIKE as wildcards on both databases (`q=%` matched every row), and SQLite's LIKE has no
// escape character unless the statement names one, which Prisma's query API cannot. So a
// search runs here, raw: `column LIKE likePattern(q) ESCAPE '\'` is valid on SQLite and
// PostgreSQL alike, and finds the ids of one page for Prisma to read.
import type { Database, Dialect } from "./client";
import { Prisma } from "../generated/sqlite/client";
import { runRead } from "./direct";

type Sql = Prisma.Sql;
const { sql, join, raw, empty } = Prisma;

/** `text` with LIKE's wildcards and its escape character escaped (by backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** A pattern matching `text` anywhere, literally; use it with `ESCAPE '\'`. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

const quote = (column: string) => raw(`"${column.replace(/"/g, '""')}"`);

/**
 * `(a LIKE p ESCAPE '\' OR b LIKE p ESCAPE '\' ...)`, blind to case on both databases:
 * ILIKE on PostgreSQL; SQLite's LIKE already is, for ASCII letters.
 */
export function containsAnySql(dialect: Dialect, columns: string[], text: string): Sql {
  const like = raw(dialect.name === "postgres" ? "ILIKE" : "LIKE");
  const pattern = likePattern(text);
  return sql`(${join(columns.map((c) => sql`${quote(c)} ${like} ${pattern} ESCAPE '\\'`), " OR ")})`;
}

export interface Search {
  table: string;
  /** Columns searched for the text; `id` also matches it exactly. */
  columns: string[];
  text: string;
  /** Equality filters (an array is IN); undefined ones are left out. */
  equals?: Record<string, string | readonly string[] | undefined>;
  /** Further conditions, ANDed. */
  where?: Sql[];
  /** Only ids below this one (keyset pagination, newest first). */
  before?: string;
  limit: number;
}

/** The ids of the newest `limit` rows matching the search, newest first. */
export async function searchIds(database: Database, s: Search): Promise<string[]> {
  const conditions: Sql[] = [sql`("id" = ${s.text} OR ${containsAnySql(database.dialect, s.columns, s.text)})`];
  for (const [column, value] of Object.entries(s.equals ?? {})) {
    if (value === undefined) continue;
    conditions.push(typeof value === "string" ? sql`${quote(column)} = ${value}` : value.length ? sql`${quote(column)} IN (${join([...value])})` : sql`1 = 0`);
  }
  conditions.push(...(s.where ?? []));
  const before = s.before ? sql`AND "id" < ${s.before}` : empty;
  const rows = await runRead<{ id: string }>(database, sql`
    SELECT "id" FROM ${quote(s.table)} WHERE ${join(conditions, " AND ")} ${before} ORDER BY "id" DESC LIMIT ${s.limit}`);
  return rows.map((r) => r.id);
}
