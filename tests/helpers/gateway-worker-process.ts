// A worker-only Herald process sending SMS through the real HTTP gateway provider
// (SMS_HTTP_URL, SMS_HTTP_TOKEN) with the production worker code, for crash tests.
import { openDatabase } from "../../lib/db/client";
import { createWorker } from "../../lib/engine/worker";
import { EventBus } from "../../lib/events/bus";
import { createHttpGatewayProvider } from "../../lib/providers/http-gateway";

const database = await openDatabase(process.env.DATABASE_URL!);
const gateway = createHttpGatewayProvider({ url: process.env.SMS_HTTP_URL!, token: process.env.SMS_HTTP_TOKEN!, timeoutMs: 5000 });
const worker = createWorker({
  database,
  chains: { sms: [gateway], email: [], whatsapp: [] },
  providers: [gateway],
  bus: new EventBus(),
  options: { intervalMs: 50, batchSize: 50, concurrency: Number(process.env.WORKER_CONCURRENCY ?? 10), leaseMs: Number(process.env.LEASE_MS ?? 1500), retryIntervalMs: 200 },
  log: () => {}, // a terminated database connection is expected here
});
worker.start();
process.on("SIGTERM", async () => {
  await worker.stop(5000);
  await database.close();
  process.exit(0);
});
