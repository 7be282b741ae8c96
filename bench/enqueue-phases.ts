// 1a/1b. Enqueue throughput through lib/queue/enqueue.ts: one by one, and in batches.
import type { Database } from "../lib/db/client";
import { enqueueBatch, enqueueMessage } from "../lib/queue/enqueue";
import { createClient } from "../lib/clients/clients";
import { messageInputSchema } from "../lib/schemas/message";
import { benchPhone, cpuMs, perSecond, runPool, summarize } from "./measure";
import { brief, type EnqueueResult, type LibrarySettings } from "./phase-common";

/** 1a. enqueueMessage one by one, `enqueueConcurrency` in flight. Scheduled a month out so phase 2 does not send them. */
export async function benchEnqueueOne(database: Database, s: LibrarySettings): Promise<EnqueueResult> {
  const { client } = await createClient(database.db, { name: "Bench one-by-one", timezone: "UTC", smsFrom: "+15550001111" });
  const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const callMs: number[] = [];
  let errors = 0;
  const c0 = cpuMs();
  const t0 = performance.now();
  const started = await runPool(s.n, s.enqueueConcurrency, async (i) => {
    const started = performance.now();
    try {
      // Parsing is part of the measured call, as in POST /api/messages.
      const input = messageInputSchema.parse({ clientId: client.id, channel: "sms", to: benchPhone(i), body: `Bench one-by-one #${i}`, scheduledFor: later });
      await enqueueMessage(database, input, { maxAttempts: 3 });
    } catch (err) {
      if (++errors <= 3) console.error(`     enqueueMessage failed: ${brief(err)}`);
    }
    callMs.push(performance.now() - started);
  }, s.phaseBudgetMs);
  const ms = performance.now() - t0;
  const cpu = (cpuMs() - c0) / Math.max(1, started);
  return { count: started - errors, capped: started < s.n, errors, ms, perSecond: perSecond(started - errors, ms), cpuMsPerMessage: cpu, callMs: summarize(callMs) };
}

/** 1b. enqueueBatch in chunks; these messages are due now and are the ones phase 2 sends. */
export async function benchEnqueueBatch(database: Database, s: LibrarySettings, clientId: string): Promise<EnqueueResult> {
  const callMs: number[] = [];
  let errors = 0;
  const c0 = cpuMs();
  const t0 = performance.now();
  for (let start = 0; start < s.n; start += s.batchChunk) {
    const items = Array.from({ length: Math.min(s.batchChunk, s.n - start) }, (_, k) => ({
      clientId,
      channel: "sms",
      to: benchPhone(start + k),
      body: `Bench batch #${start + k}`,
    }));
    const started = performance.now();
    const { results } = await enqueueBatch(database, items, { maxAttempts: 3, allowClient: () => true });
    callMs.push(performance.now() - started);
    for (const r of results) {
      if ("error" in r && ++errors <= 3) console.error(`     enqueueBatch item failed: ${r.error.code} ${r.error.message}`);
    }
  }
  const ms = performance.now() - t0;
  return { count: s.n - errors, capped: false, errors, ms, perSecond: perSecond(s.n - errors, ms), cpuMsPerMessage: (cpuMs() - c0) / s.n, callMs: summarize(callMs) };
}
