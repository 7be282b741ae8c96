// A worker-only Herald process for crash and shutdown tests: DATABASE_URL from the
// environment, the sandbox provider, the real worker; SIGTERM stops it gracefully.
import { openDatabase } from "../../lib/db/client";
import { createWorker } from "../../lib/engine/worker";
import { EventBus } from "../../lib/events/bus";
import { createSandboxProvider } from "../../lib/providers/sandbox";

const database = await openDatabase(process.env.DATABASE_URL!);
const sandbox = createSandboxProvider({ deliveryDelayMs: 20 });
// Slow each send a little so that a kill lands mid-batch.
const slow = { ...sandbox, send: async (m: Parameters<typeof sandbox.send>[0]) => { await new Promise((r) => setTimeout(r, 5)); return sandbox.send(m); } };
const worker = createWorker({
  database,
  chains: { sms: [slow], email: [slow], whatsapp: [slow] },
  providers: [sandbox],
  bus: new EventBus(),
  options: { intervalMs: 50, batchSize: 20, concurrency: 4, leaseMs: Number(process.env.LEASE_MS ?? 1000), retryIntervalMs: 1000 },
});
worker.start();
console.log("worker started");
process.on("SIGTERM", async () => {
  await worker.stop(5000);
  await database.close();
  process.exit(0);
});
