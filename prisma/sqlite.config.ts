// Prisma CLI config for the embedded SQLite database (the default).
// Paths here resolve against this file's folder (prisma/), the database file against the cwd.
// engine "js" + an adapter keeps the CLI from downloading native engines.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const url = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./data/herald.db";
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("sqlite", "schema.prisma"),
  migrations: { path: path.join("sqlite", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
