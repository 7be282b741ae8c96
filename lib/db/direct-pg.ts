// PostgreSQL's direct route (lib/db/direct.ts): statements on the pg.Pool Herald owns and
// hands to Prisma's adapter, without Prisma's cost per query. Each statement is a named
// (prepared) statement, parsed and planned once per pooled connection; a transaction is
// BEGIN, one round trip per statement, COMMIT, all on one pooled client. Rows come back as
// they do from SQLite's route: timestamps as Dates (UTC, as Prisma writes them), 64-bit
// integers and numerics as numbers, a unique index's refusal as code P2002.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Sql } from "./sql";

const { types } = pg;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const INT8 = 20;
const NUMERIC = 1700;

/** `timestamp(3)` holds UTC wall time (Prisma writes UTC); pg's default reads it as local time. */
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

const parsers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (format === "binary") return types.getTypeParser(oid, "binary");
    if (oid === TIMESTAMP) return parseUtcTimestamp;
    if (oid === INT8 || oid === NUMERIC) return Number;
    if (oid === TIMESTAMPTZ) return (text: string) => new Date(text);
    return types.getTypeParser(oid, "text");
  },
} as unknown as pg.CustomTypesConfig;

/** Parameters as Prisma's adapter binds them: dates in UTC (a timestamp column ignores the zone), bigints as text. */
function bindable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  return v ?? null;
}

// Statement names by text. Texts are few (values are parameters, row lists one JSON
// parameter); past a bound, new texts run unnamed rather than grow every connection's cache.
const names = new Map<string, string>();
const MAX_NAMED = 500;

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `herald_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

function config(query: Sql): pg.QueryConfig {
  return { name: nameOf(query.text), text: query.text, values: query.values.map(bindable), types: parsers };
}

function asPrismaError(err: unknown): unknown {
  if ((err as { code?: unknown })?.code !== "23505") return err;
  return Object.assign(new Error((err as Error).message, { cause: err }), { code: "P2002" });
}

/** Counts statements sent this way (tests check that the hot path takes it). */
export const directPgStats = { statements: 0, transactions: 0 };

async function run(client: pg.Pool | pg.PoolClient, query: Sql): Promise<unknown[]> {
  directPgStats.statements += 1;
  try {
    return (await client.query(config(query))).rows;
  } catch (err) {
    throw asPrismaError(err);
  }
}

/** One statement, autocommitted on any pooled connection. */
export function pgRead<T>(pool: pg.Pool, query: Sql): Promise<T[]> {
  return run(pool, query) as Promise<T[]>;
}

/**
 * `body` inside BEGIN … COMMIT on one pooled client; ROLLBACK when it throws. A client whose
 * connection failed (a backend terminated mid-transaction) is destroyed, not pooled again.
 */
export async function pgTransaction<T>(pool: pg.Pool, body: (runOne: (query: Sql) => Promise<unknown[]>) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  directPgStats.transactions += 1;
  let broken: Error | undefined;
  // A checked-out client has no pool listener: its connection's death would be an unhandled
  // 'error' event (the process's end). Noted here; the statement in flight fails with it.
  const onError = (err: Error) => (broken = err);
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const result = await body((query) => run(client, query));
    await client.query("COMMIT");
    return result;
  } catch (err) {
    try {
      await client.query("ROLLBACK");
    } catch (rollbackErr) {
      broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
    }
    throw err;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
