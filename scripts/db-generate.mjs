// Writes the per-database Prisma schemas from prisma/models.prisma and generates
// both clients. Run by `npm install` (postinstall) and `npm run db:generate`.
// `--check` only verifies that the committed schemas match the model source.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const models = readFileSync(path.join(root, "prisma/models.prisma"), "utf8");

export const databases = ["sqlite", "postgres"];

export function schemaFor(db) {
  const provider = db === "sqlite" ? "sqlite" : "postgresql";
  return `// GENERATED from prisma/models.prisma by scripts/db-generate.mjs: do not edit.

generator client {
  provider   = "prisma-client"
  output     = "../../lib/generated/${db}"
  engineType = "client"
  runtime    = "nodejs"
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}

${models}`;
}

const check = process.argv.includes("--check");
let stale = false;
for (const db of databases) {
  const file = path.join(root, "prisma", db, "schema.prisma");
  const wanted = schemaFor(db);
  let current = "";
  try { current = readFileSync(file, "utf8"); } catch {}
  if (current !== wanted) {
    if (check) { console.error(`${path.relative(root, file)} is out of date: run npm run db:generate`); stale = true; continue; }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, wanted);
  }
  if (!check) {
    execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--config", `prisma/${db}.config.ts`],
      { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
}
if (stale) process.exit(1);
