// The in-process phases: enqueue throughput, worker throughput, and enqueue → send
// latency at a fixed rate. Everything runs through lib/ exactly as server.ts wires it:
// the real worker, the real sandbox provider (wrapped only to take timestamps) and the
// real EventBus.
import type { Database } from "../lib/db/client";
import { createClient } from "../lib/clients/clients";
import { benchEnqueueBatch, benchEnqueueOne } from "./enqueue-phases";
import { benchLatency } from "./latency-phase";
import type { LibraryResults, LibrarySettings } from "./phase-common";
import { benchProcess } from "./worker-phase";

export type { LibraryResults, LibrarySettings } from "./phase-common";

export async function runLibraryPhases(database: Database, s: LibrarySettings, say: (line: string) => void): Promise<LibraryResults> {
  say(`  1a enqueueMessage ×${s.n.toLocaleString("en-US")} (${s.enqueueConcurrency} in flight)...`);
  const enqueueOne = await benchEnqueueOne(database, s);
  say(`     ${Math.round(enqueueOne.perSecond).toLocaleString("en-US")} msg/s${enqueueOne.capped ? ` (stopped at the ${s.phaseBudgetMs / 1000} s budget after ${enqueueOne.count.toLocaleString("en-US")})` : ""}`);

  const { client } = await createClient(database.db, { name: "Bench batch", timezone: "UTC", smsFrom: "+15550001111" });
  say(`  1b enqueueBatch ×${s.n.toLocaleString("en-US")} (chunks of ${s.batchChunk})...`);
  const batch = await benchEnqueueBatch(database, s, client.id);
  say(`     ${Math.round(batch.perSecond).toLocaleString("en-US")} msg/s`);

  say(`  2  worker drains ${s.n.toLocaleString("en-US")} due messages (batchSize ${s.worker.batchSize}, concurrency ${s.worker.concurrency})...`);
  const processed = await benchProcess(database, s, client.id);
  say(`     ${Math.round(processed.perSecond).toLocaleString("en-US")} msg/s, exactly once: ${processed.exactlyOnce ? "yes" : "NO"}`);

  say(`  3  latency at ${s.latencyRate}/s for ${(s.latencyCount / s.latencyRate).toFixed(0)} s...`);
  const latency = await benchLatency(database, s);
  say(`     p50 ${latency.enqueueToSendMs.p50.toFixed(2)} ms, p95 ${latency.enqueueToSendMs.p95.toFixed(2)} ms${latency.saturated ? ` (saturated: stopped after ${latency.count} of ${latency.planned}, ${Math.round(latency.achievedRate)}/s achieved)` : ""}`);
  return { enqueueOne, enqueueBatch: batch, process: processed, latency };
}
