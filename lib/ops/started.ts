// The start line(s): where Herald answers, on which database, with or without the worker,
// and the secrets generated on a first start (printed once; kept in data/secrets.json).
import type { Logger } from "pino";
import type { Config } from "../config";
import { redactUrl } from "./startup-error";

export function logStarted(log: Logger, config: Config, opts: { worker: boolean; generated: Partial<Record<string, string>> }): void {
  const database = config.DATABASE_URL.startsWith("file:") ? config.DATABASE_URL : redactUrl(config.DATABASE_URL);
  log.info(
    { url: config.PUBLIC_URL, port: config.PORT, database, worker: opts.worker, nodeEnv: config.NODE_ENV },
    `Herald is running: ${config.PUBLIC_URL} (console: ${config.PUBLIC_URL}/messages)`,
  );
  if (opts.generated.ADMIN_PASSWORD) log.info(`admin password (generated, kept in data/secrets.json): ${opts.generated.ADMIN_PASSWORD}`);
  if (opts.generated.ADMIN_API_KEY) log.info(`admin API key (generated, kept in data/secrets.json): ${opts.generated.ADMIN_API_KEY}`);
}
