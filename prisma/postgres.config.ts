// Prisma CLI config for PostgreSQL. The CLI uses @prisma/adapter-pg 7 (npm alias
// pg-adapter-cli) because 6.19's adapter breaks `migrate deploy`; the runtime keeps 6.19.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "pg-adapter-cli";

const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/herald";
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("postgres", "schema.prisma"),
  migrations: { path: path.join("postgres", "migrations") },
  async adapter() {
    // Separate fields, not a connection string: with a string the shadow database reuses the main one.
    const u = new URL(url);
    return new PrismaPg({
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username || "postgres"),
      password: u.password ? decodeURIComponent(u.password) : undefined,
      database: u.pathname.slice(1) || "postgres",
      idleTimeoutMillis: 50,
      allowExitOnIdle: true,
    });
  },
});
