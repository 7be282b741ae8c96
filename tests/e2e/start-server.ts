// Starts Herald for the Playwright run: a fresh SQLite database, known secrets,
// the production build made by `npm run test:e2e`, then server.ts.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../lib/migrate";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";
const dbFile = path.join(root, "data", `e2e-${port}.db`);
for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
const url = `file:${dbFile}`;
await migrateDatabase(url);

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: url,
  PORT: port,
  HOST: "127.0.0.1",
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  ADMIN_PASSWORD: "e2e-password",
  ADMIN_API_KEY: "e2e-admin-key-0123456789",
  SESSION_SECRET: "e2e-session-secret-0123456789abcdef",
  SANDBOX_DELIVERY_MS: "300",
  RETRY_INTERVAL_MS: "2000",
  RETELL_API_KEY: "e2e-retell-key",
};
const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "server.ts")], { cwd: root, env, stdio: "inherit" });
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", (code) => process.exit(code ?? 0));
