// The worker as the configuration describes it: its providers, failover chains, options,
// error reporting and suppressions. The worker thread (lib/engine/worker-thread.ts) builds
// it on its own database connection; tests build workers with createWorker directly.
import type { Config } from "../config";
import type { Database } from "../db/client";
import type { EventBus } from "../events/bus";
import { logError } from "../errorlog/log-error";
import { createProviderChains } from "../providers/registry";
import { addSuppression } from "../suppressions";
import { createWorker } from "./worker";

export function createConfiguredWorker(deps: { database: Database; config: Config; bus: EventBus }) {
  const { database, config, bus } = deps;
  const { chains, providers } = createProviderChains(config);
  const worker = createWorker({
    database,
    chains,
    providers,
    bus,
    options: {
      intervalMs: config.WORKER_INTERVAL_MS,
      batchSize: config.WORKER_BATCH_SIZE,
      concurrency: config.WORKER_CONCURRENCY,
      leaseMs: config.WORKER_LEASE_MS,
      retryIntervalMs: config.RETRY_INTERVAL_MS,
    },
    reportError: logError,
    suppress: (s) => addSuppression(database.db, s),
    prices: { sms: config.PRICE_SMS_SEGMENT_CENTS, whatsapp: config.PRICE_WHATSAPP_CENTS, email: config.PRICE_EMAIL_CENTS },
  });
  return { worker, providers };
}
