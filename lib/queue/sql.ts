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

export function intParam(dialect: Dialect, value: number): Sql {
  return dialect === "postgres" ? sql`CAST(${value} AS INTEGER)` : sql`${value}`;
}

export function textParam(dialect: Dialect, value: string | null): Sql {
  return dialect === "postgres" ? sql`CAST(${value} AS TEXT)` : sql`${value}`;
}
