// `npm start`, before the server: the configuration parses, the port is free, the database
// answers (and no other Herald holds the SQLite file), migrations are applied, and the console
// is built if it is missing or stale. Each failure is one line naming the variable, exit 1.
// Then package.json execs server.ts, so the server is the process npm waits on.
import { parseConfig } from "../lib/config";
import { createLogger, logSettings } from "../lib/log";
import { migrateDatabase } from "../lib/migrate";
import { loadEnvFiles } from "../lib/ops/env";
import { assertSqliteDatabaseFree } from "../lib/ops/instance-lock";
import { assertPortFree } from "../lib/ops/preflight";
import { failStart } from "../lib/ops/startup-error";
import { ensureConsoleBuild } from "./console-build";

loadEnvFiles();
let log = createLogger(logSettings({ LOG_LEVEL: "info", LOG_FORMAT: undefined }));
try {
  const config = parseConfig(process.env);
  log = createLogger(logSettings(config));
  await assertPortFree(config);
  assertSqliteDatabaseFree(config.DATABASE_URL);
  await migrateDatabase(config.DATABASE_URL, { log: (line) => log.info(line) });
  ensureConsoleBuild((line) => log.info(line));
} catch (err) {
  failStart(log, err);
}
