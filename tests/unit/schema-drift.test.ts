import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

const root = path.resolve(import.meta.dirname, "../..");

test("the SQLite and PostgreSQL schemas are generated from prisma/models.prisma", () => {
  execFileSync(process.execPath, [path.join(root, "scripts/db-generate.mjs"), "--check"], { cwd: root, stdio: "pipe" });
});

test("both databases have the same migrations, creating the same tables and indexes", () => {
  const names = (db: string) => readdirSync(path.join(root, "prisma", db, "migrations")).filter((n) => !n.endsWith(".toml")).sort();
  assert.deepEqual(names("sqlite"), names("postgres"));
  const objects = (db: string) =>
    names(db)
      .flatMap((n) => readFileSync(path.join(root, "prisma", db, "migrations", n, "migration.sql"), "utf8").match(/CREATE (?:UNIQUE )?(?:TABLE|INDEX) "[^"]+"/g) ?? [])
      .sort();
  assert.deepEqual(objects("sqlite"), objects("postgres"));
});
