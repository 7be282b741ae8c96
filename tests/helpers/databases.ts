// Real databases for integration tests: a fresh SQLite file and a fresh PostgreSQL
// database (127.0.0.1:5432) per test suite, each copied from a migrated template so
// that a suite starts in milliseconds. Templates are keyed by a hash of the migrations.
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database, type DialectName as Dialect } from "../../lib/db/client";
import { ensurePostgresDatabase, migrateDatabase } from "../../lib/migrate";

const root = path.resolve(import.meta.dirname, "../..");
export const PG_BASE = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";

function migrationsHash(dialect: Dialect): string {
  const dir = path.join(root, "prisma", dialect, "migrations");
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 10);
}

export interface TestDatabase extends Database {
  url: string;
  destroy(): Promise<void>;
}

async function sqliteTemplate(): Promise<string> {
  const file = path.join(os.tmpdir(), "herald-test", `template-${migrationsHash("sqlite")}.db`);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const building = `${file}.${process.pid}.tmp`;
    await migrateDatabase(`file:${building}`, { quiet: true });
    copyFileSync(building, file);
    rmSync(building, { force: true });
  }
  return file;
}

async function postgresTemplate(): Promise<string> {
  const name = `herald_tpl_${migrationsHash("postgres")}`;
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  await admin.end();
  if (!rowCount) await migrateDatabase(`${PG_BASE}/${name}`, { quiet: true });
  return name;
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const suffix = `${process.pid}_${randomBytes(4).toString("hex")}`;
  if (dialect === "sqlite") {
    const file = path.join(os.tmpdir(), "herald-test", `t-${suffix}.db`);
    copyFileSync(await sqliteTemplate(), file);
    const url = `file:${file}`;
    const database = await openDatabase(url);
    return {
      ...database,
      url,
      async destroy() {
        await database.close();
        for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
      },
    };
  }
  const template = await postgresTemplate();
  const name = `herald_t_${suffix}`;
  const url = `${PG_BASE}/${name}`;
  await ensurePostgresDatabase(url, template);
  const database = await openDatabase(url);
  return {
    ...database,
    url,
    async destroy() {
      await database.close();
      const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const DIALECTS: Dialect[] = ["sqlite", "postgres"];
