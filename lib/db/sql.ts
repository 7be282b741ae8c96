// The SQL toolkit shared by every raw statement: Prisma's tagged template (values are
// always bound parameters) and the Sql type. What differs between the databases is in
// the Dialect (lib/db/dialect.ts), carried on the database handle.
import { Prisma } from "../generated/sqlite/client";

export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export type Sql = ReturnType<typeof Prisma.sql>;

export type ColumnType = "text" | "int" | "timestamp" | "bool";
export type Columns = Record<string, ColumnType>;

/** `'a', 'b'` for a fixed list of known words (statuses): never user input. */
export function wordList(words: readonly string[]): Sql {
  for (const w of words) if (!/^[a-z_]+$/.test(w)) throw new Error(`not a word: ${w}`);
  return raw(words.map((w) => `'${w}'`).join(", "));
}
