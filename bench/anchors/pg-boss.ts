// pg-boss 12 with its documented throughput settings: LISTEN/NOTIFY (useListenNotify and a
// notify-enabled queue, so a send wakes the worker at once), batch fetch (100 jobs a fetch,
// fetching again at once while batches come back full). The handler is a no-op that counts.
import { PgBoss } from "pg-boss";
import { installedVersion, type Anchor, type AnchorJob } from "./anchor";

const QUEUE = "bench_noop";

export async function openPgBoss(connectionString: string, batchSize: number): Promise<Anchor> {
  const boss = new PgBoss({ connectionString, useListenNotify: true, schedule: false, max: 10 });
  let closing = false;
  boss.on("error", (err: unknown) => closing || console.error(`     [pg-boss] ${err instanceof Error ? err.message : String(err)}`));
  await boss.start();
  await boss.createQueue(QUEUE, { notify: true });
  let workerId: string | undefined;
  return {
    name: "pg-boss",
    version: installedVersion("pg-boss"),
    settings: `LISTEN/NOTIFY, batch ${batchSize}, burst while full`,
    async enqueue(job: AnchorJob) {
      await boss.send(QUEUE, job);
    },
    async startWorker(onJob) {
      workerId = await boss.work<AnchorJob>(QUEUE, { batchSize, pollingIntervalSeconds: 0.5, burstWhenBatchFull: true }, async (jobs) => {
        for (const j of jobs) onJob(j.data);
      });
    },
    async stopWorker() {
      if (workerId) await boss.offWork(QUEUE, { id: workerId, wait: true });
      workerId = undefined;
    },
    async close() {
      closing = true;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
