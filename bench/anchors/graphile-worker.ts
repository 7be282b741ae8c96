// graphile-worker 0.18 with its documented throughput settings (worker.graphile.org,
// "Performance: batching"): a local queue (the pool locks and fetches `localQueue.size` jobs
// at a time and serves its workers from memory) and batched completion (completeJobBatchDelay,
// 250 ms as the documentation suggests starting with). New jobs wake it by LISTEN/NOTIFY, its default.
import { makeWorkerUtils, run, Logger, type Runner } from "graphile-worker";
import { installedVersion, type Anchor, type AnchorJob } from "./anchor";

const quiet = new Logger(() => (level: string, message: string) => {
  if (level === "error") console.error(`     [graphile-worker] ${message}`);
});

export async function openGraphileWorker(connectionString: string, localQueueSize: number, concurrency: number): Promise<Anchor> {
  const utils = await makeWorkerUtils({ connectionString, logger: quiet });
  await utils.migrate();
  let runner: Runner | undefined;
  return {
    name: "graphile-worker",
    version: installedVersion("graphile-worker"),
    settings: `local queue ${localQueueSize}, concurrency ${concurrency}, batched completion 250 ms`,
    async enqueue(job: AnchorJob) {
      await utils.addJob("noop", job);
    },
    async startWorker(onJob) {
      runner = await run({
        connectionString,
        concurrency,
        noHandleSignals: true,
        pollInterval: 2000,
        logger: quiet,
        taskList: { noop: async (payload) => onJob(payload as AnchorJob) },
        preset: { worker: { localQueue: { size: localQueueSize }, completeJobBatchDelay: 250, failJobBatchDelay: 250 } },
      });
    },
    async stopWorker() {
      await runner?.stop();
      runner = undefined;
    },
    async close() {
      await utils.release();
    },
  };
}
