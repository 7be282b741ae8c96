// `npm run db:migrate`: apply migrations to DATABASE_URL (default: the embedded SQLite file),
// with the .env files read like every other step.
import { parseConfig } from "../lib/config";
import { createLogger, logSettings } from "../lib/log";
import { migrateDatabase } from "../lib/migrate";
import { loadEnvFiles } from "../lib/ops/env";
import { failStart } from "../lib/ops/startup-error";

loadEnvFiles();
let log = createLogger(logSettings({ LOG_LEVEL: "info", LOG_FORMAT: undefined }));
try {
  const config = parseConfig(process.env);
  log = createLogger(logSettings(config));
  await migrateDatabase(config.DATABASE_URL, { log: (line) => log.info(line) });
} catch (err) {
  failStart(log, err, "cannot migrate");
}
