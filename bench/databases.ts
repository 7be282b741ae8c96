// A fresh, migrated database per bench run: data/bench-<pid>.db for SQLite, a new
// herald_bench_<pid>_<hex> database on the local PostgreSQL. Both are removed by destroy().
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { DialectName as Dialect } from "../lib/db/client";
import { migrateDatabase } from "../lib/migrate";

export const ROOT = path.resolve(import.meta.dirname, "..");
const PG_BASE = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";

export interface BenchDatabase {
  dialect: Dialect;
  url: string;
  /** Where it lives, for the printed header (no credentials in it). */
  label: string;
  destroy(): Promise<void>;
}

export async function createBenchDatabase(dialect: Dialect): Promise<BenchDatabase> {
  const suffix = `${process.pid}_${randomBytes(3).toString("hex")}`;
  if (dialect === "sqlite") {
    const file = path.join(ROOT, "data", `bench-${suffix}.db`);
    const url = `file:${file}`;
    await migrateDatabase(url, { quiet: true });
    return {
      dialect,
      url,
      label: path.relative(ROOT, file),
      async destroy() {
        for (const s of ["", "-wal", "-shm", "-journal"]) if (existsSync(file + s)) rmSync(file + s, { force: true });
      },
    };
  }
  const name = `herald_bench_${suffix}`;
  const url = `${PG_BASE}/${name}`;
  await migrateDatabase(url, { quiet: true });
  return {
    dialect,
    url,
    label: `postgresql ${new URL(PG_BASE).host}/${name}`,
    async destroy() {
      const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
