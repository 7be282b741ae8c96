// 2. Worker throughput: the real worker drains N due messages through the sandbox provider.
import type { Database } from "../lib/db/client";
import { createWorker } from "../lib/engine/worker";
import { EventBus } from "../lib/events/bus";
import { createSandboxProvider } from "../lib/providers/sandbox";
import { sql } from "../lib/db/sql";
import { cpuMs, perSecond, waitFor } from "./measure";
import { chainsOf, workerLog, type LibrarySettings, type ProcessResult } from "./phase-common";
import { createTimedProvider } from "./timed-provider";

async function countOne(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const rows = await database.db.$queryRaw<{ n: bigint | number }[]>(query);
  return Number(rows[0]?.n ?? 0);
}

/** 2. The real worker drains the batch-enqueued messages; every one must be sent exactly once. */
export async function benchProcess(database: Database, s: LibrarySettings, clientId: string): Promise<ProcessResult> {
  const bus = new EventBus();
  const sendsPerMessage = new Map<string, number>();
  let providerCalls = 0;
  const sandbox = createSandboxProvider({ deliveryDelayMs: s.sandboxDeliveryMs });
  const provider = createTimedProvider(sandbox, (m) => {
    providerCalls += 1;
    sendsPerMessage.set(m.id, (sendsPerMessage.get(m.id) ?? 0) + 1);
  });
  const counts = { sent: 0, notSent: 0, delivered: 0 };
  bus.on("message", ({ event }) => {
    if (event === "sent") counts.sent += 1;
    else if (event === "delivered") counts.delivered += 1;
    else if (event === "failed" || event === "dead_letter") counts.notSent += 1;
  });
  const errors = { errors: 0 };
  const worker = createWorker({ database, chains: chainsOf(provider), providers: [provider], bus, options: s.worker, log: workerLog(errors) });

  const c0 = cpuMs();
  const t0 = performance.now();
  worker.start();
  const finished = await waitFor(() => counts.sent + counts.notSent >= s.n, 180_000);
  const ms = performance.now() - t0;
  if (!finished) console.error(`  worker did not finish within 180 s (${counts.sent} sent)`);

  // Let the sandbox's delivery reports land before the next phase, so they do not overlap it.
  const tSent = performance.now();
  const settled = await waitFor(() => counts.delivered >= counts.sent, 60_000, 20);
  const deliveredSettleMs = settled ? performance.now() - tSent : null;
  const cpuMsPerMessage = (cpuMs() - c0) / Math.max(1, counts.sent);
  await worker.stop();

  const sentOrDelivered = await countOne(
    database,
    sql`SELECT COUNT(*) AS n FROM "Message" WHERE "clientId" = ${clientId} AND "status" IN ('sent', 'delivered', 'read')`,
  );
  const attemptsNotOne = await countOne(database, sql`SELECT COUNT(*) AS n FROM "Message" WHERE "clientId" = ${clientId} AND "attempts" <> 1`);
  const attemptRows = await countOne(
    database,
    sql`SELECT COUNT(*) AS n FROM "MessageAttempt" a JOIN "Message" m ON m."id" = a."messageId" WHERE m."clientId" = ${clientId}`,
  );
  const messagesWithAttemptRows = await countOne(
    database,
    sql`SELECT COUNT(DISTINCT a."messageId") AS n FROM "MessageAttempt" a JOIN "Message" m ON m."id" = a."messageId" WHERE m."clientId" = ${clientId}`,
  );
  const values = [...sendsPerMessage.values()];
  const messagesSentOnce = values.filter((v) => v === 1).length;
  const messagesSentTwiceOrMore = values.filter((v) => v > 1).length;
  const exactlyOnce =
    providerCalls === s.n && messagesSentOnce === s.n && sentOrDelivered === s.n && attemptsNotOne === 0 && attemptRows === s.n && messagesWithAttemptRows === s.n;
  return {
    count: counts.sent,
    ms,
    perSecond: perSecond(counts.sent, ms),
    cpuMsPerMessage,
    providerCalls,
    messagesSentOnce,
    messagesSentTwiceOrMore,
    sentOrDelivered,
    attemptsNotOne,
    attemptRows,
    messagesWithAttemptRows,
    exactlyOnce,
    delivered: counts.delivered,
    deliveredSettleMs,
    workerErrors: errors.errors,
  };
}
