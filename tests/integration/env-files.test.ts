// .env is read by every step: `npm run db:migrate` migrates the DATABASE_URL that .env names
// (it used to ignore .env and migrate the default SQLite file instead).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import BetterSqlite3 from "better-sqlite3";

const ROOT = path.resolve(import.meta.dirname, "../..");
const tsx = pathToFileURL(createRequire(path.join(ROOT, "package.json")).resolve("tsx")).href;

test("npm run db:migrate reads DATABASE_URL from .env in the working directory", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "herald-dotenv-"));
  try {
    const file = path.join(dir, "from-dotenv.db");
    writeFileSync(path.join(dir, ".env"), `DATABASE_URL=file:${file}\nLOG_FORMAT=json\n`);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !["DATABASE_URL", "NODE_ENV", "LOG_FORMAT"].includes(k))) as NodeJS.ProcessEnv;
    const run = spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "scripts/db-migrate.ts")], { cwd: dir, env, encoding: "utf8", timeout: 60_000 });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.ok(existsSync(file), `the database .env names was migrated:\n${run.stdout}`);
    assert.ok(!existsSync(path.join(dir, "data/herald.db")), "not the default file");
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      assert.ok(db.prepare("SELECT name FROM sqlite_master WHERE name = 'Message'").get(), "the tables are there");
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
