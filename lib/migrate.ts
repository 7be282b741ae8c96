// Applies the committed migrations to a database with the Prisma CLI (`migrate deploy`),
// creating the SQLite folder or the PostgreSQL database first when missing.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { dialectNameOf as dialectOf, openDatabase } from "./db/client";
import { backfillConversations } from "./conversations/backfill";
import { assertDatabaseReachable } from "./ops/preflight";
import { StartupError, redactUrl } from "./ops/startup-error";

const root = path.resolve(import.meta.dirname, "..");
const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

export async function ensurePostgresDatabase(url: string, template?: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      await client.query(template ? `CREATE DATABASE ${quoted} TEMPLATE "${template.replace(/"/g, '""')}"` : `CREATE DATABASE ${quoted}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs `prisma migrate deploy`. The CLI's WebAssembly schema engine leaves a 10 s
 * timer behind after a PostgreSQL deploy, so once it reports success it is stopped.
 */
export async function migrateDatabase(url: string, opts: { quiet?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  await deploySchema(url, opts);
  await runDataMigrations(url, opts);
}

/** Data migrations that SQL alone cannot do, after the schema's: each is idempotent and cheap once done. */
export async function runDataMigrations(url: string, opts: { quiet?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const database = await openDatabase(url);
  try {
    const filled = await backfillConversations(database);
    if (!opts.quiet && (filled.messages || filled.conversations)) {
      (opts.log ?? console.log)(`backfill: ${filled.messages} messages given their conversation, ${filled.conversations} conversations created`);
    }
  } finally {
    await database.close();
  }
}

async function deploySchema(url: string, opts: { quiet?: boolean; log?: (line: string) => void }): Promise<void> {
  const dialect = dialectOf(url);
  if (dialect === "sqlite") {
    const file = url.slice("file:".length).split("?")[0]!;
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } else {
    // An unreachable server is one line naming DATABASE_URL, not the driver's bare error.
    await assertDatabaseReachable(url, { database: "postgres" });
    await ensurePostgresDatabase(url);
  }
  const cli = path.join(root, "node_modules/prisma/build/index.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy", "--config", `prisma/${dialect}.config.ts`], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let succeeded = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!succeeded && DONE.test(output)) {
        succeeded = true;
        setTimeout(() => child.kill("SIGTERM"), 100).unref();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (succeeded || code === 0) {
        if (!opts.quiet) (opts.log ?? console.log)(`migrate ${dialect}: ${output.match(DONE)?.[0] ?? "done"}`);
        resolve();
      } else {
        const reason = output.split("\n").map((l) => l.trim()).filter((l) => /^Error\b|error/i.test(l)).slice(0, 2).join(" ") || `exit ${code}`;
        reject(Object.assign(new StartupError(`prisma migrate deploy failed (DATABASE_URL=${redactUrl(url)}): ${reason}`, "DATABASE_URL", "MIGRATE_FAILED"), { output }));
      }
    });
  });
}
