// A fresh, migrated database per bench run: data/bench-<pid>.db for SQLite, a new
// herald_bench_<pid>_<hex> database on the local PostgreSQL (and an empty one per queue
// library compared with). All are removed by destroy().
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

async function dropPostgresDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** An empty database on the same PostgreSQL server, for a queue library the bench compares with (it installs its own schema). */
export async function createEmptyPostgresDatabase(tag: string): Promise<BenchDatabase> {
  const name = `herald_bench_${process.pid}_${randomBytes(3).toString("hex")}_${tag.replace(/[^a-z0-9]/g, "")}`;
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return { dialect: "postgres", url: `${PG_BASE}/${name}`, label: `postgresql ${new URL(PG_BASE).host}/${name}`, destroy: () => dropPostgresDatabase(name) };
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
        // .lock: the one-instance lock file server.ts leaves beside the database (lib/ops/instance-lock.ts).
        for (const s of ["", "-wal", "-shm", "-journal", ".lock"]) if (existsSync(file + s)) rmSync(file + s, { force: true });
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
    destroy: () => dropPostgresDatabase(name),
  };
}
