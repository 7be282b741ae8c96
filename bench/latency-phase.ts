// 3. Latency: enqueue at a fixed rate while the worker runs; time to the provider's send().
import type { Database } from "../lib/db/client";
import { createClient } from "../lib/clients/clients";
import { createWorker } from "../lib/engine/worker";
import { getContext } from "../lib/context";
import { submitMessage } from "../lib/messages/submit";
import { createSandboxProvider } from "../lib/providers/sandbox";
import { messageInputSchema } from "../lib/schemas/message";
import { benchPhone, cpuMs, perSecond, sleep, summarize, waitFor } from "./measure";
import { brief, chainsOf, workerLog, type LatencyResult, type LibrarySettings } from "./phase-common";
import { createTimedProvider } from "./timed-provider";

/**
 * 3. Enqueue at a fixed rate through submitMessage (what POST /api/messages calls: enqueue,
 * then the bus's `queued` and `enqueued` events) while the worker runs, nudged as server.ts
 * nudges it. Latency is from the start of the enqueue call to the provider's send().
 */
export async function benchLatency(database: Database, s: LibrarySettings): Promise<LatencyResult> {
  const { client } = await createClient(database.db, { name: "Bench latency", timezone: "UTC", smsFrom: "+15550001111" });
  const { bus, config } = getContext();
  const total = s.latencyCount;
  const intervalMs = 1000 / s.latencyRate;
  const startedAt = new Float64Array(total).fill(NaN);
  const scheduledAt = new Float64Array(total).fill(NaN);
  const sentAt = new Float64Array(total).fill(NaN);
  const callMs: number[] = [];
  let sent = 0;
  let enqueueErrors = 0;

  const sandbox = createSandboxProvider({ deliveryDelayMs: s.sandboxDeliveryMs });
  const provider = createTimedProvider(sandbox, (m, at) => {
    const match = /^Bench latency #(\d+)$/.exec(m.body);
    if (!match) return;
    const i = Number(match[1]);
    if (Number.isNaN(sentAt[i]!)) sent += 1;
    sentAt[i] = at;
  });
  const counts = { delivered: 0 };
  const offMessage = bus.on("message", ({ event }) => {
    if (event === "delivered") counts.delivered += 1;
  });
  const errors = { errors: 0 };
  const worker = createWorker({ database, chains: chainsOf(provider), providers: [provider], bus, options: s.worker, log: workerLog(errors) });
  const offEnqueued = bus.on("enqueued", () => worker.nudge());
  const principal = { kind: "admin", via: "key" } as const;
  worker.start();
  await sleep(50);

  const inFlight = new Set<Promise<void>>();
  const fire = (i: number, scheduled: number) => {
    const started = performance.now();
    scheduledAt[i] = scheduled;
    startedAt[i] = started;
    const p = (async () => {
      try {
        const input = messageInputSchema.parse({ clientId: client.id, channel: "sms", to: benchPhone(i), body: `Bench latency #${i}` });
        await submitMessage({ database, bus, config }, principal, input);
      } catch (err) {
        if (++enqueueErrors <= 3) console.error(`     submitMessage failed: ${brief(err)}`);
      }
      callMs.push(performance.now() - started);
    })();
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  // Fixed-rate (open-loop) driver: message i is due at t0 + i·interval; a late loop catches
  // up at once. When more than 2 s worth of enqueues are still in flight the system is not
  // keeping up with the rate; the driver stops there rather than queue without bound.
  const maxInFlight = Math.max(50, s.latencyRate * 2);
  let saturated = false;
  const c0 = cpuMs();
  const t0 = performance.now();
  let i = 0;
  while (i < total) {
    if (inFlight.size > maxInFlight) {
      saturated = true;
      break;
    }
    const due = Math.min(total, Math.floor((performance.now() - t0) / intervalMs) + 1);
    while (i < due && inFlight.size <= maxInFlight) {
      fire(i, t0 + i * intervalMs);
      i += 1;
    }
    if (i < total) await sleep(Math.max(0, t0 + i * intervalMs - performance.now()));
  }
  const issued = i;
  await Promise.all(inFlight);
  const enqueueMs = performance.now() - t0;
  await waitFor(() => sent >= issued - enqueueErrors, 30_000);
  await waitFor(() => counts.delivered >= sent, 20_000, 20);
  const cpuMsPerMessage = (cpuMs() - c0) / Math.max(1, issued);
  await worker.stop();
  offEnqueued();
  offMessage();

  const fromStart: number[] = [];
  const fromSchedule: number[] = [];
  for (let k = 0; k < issued; k++) {
    if (Number.isNaN(sentAt[k]!)) continue;
    fromStart.push(sentAt[k]! - startedAt[k]!);
    fromSchedule.push(sentAt[k]! - scheduledAt[k]!);
  }
  return {
    targetRate: s.latencyRate,
    count: issued,
    planned: total,
    saturated,
    keptUp: !saturated && perSecond(issued, enqueueMs) >= 0.9 * s.latencyRate,
    enqueueMs,
    achievedRate: perSecond(issued, enqueueMs),
    sent,
    enqueueErrors,
    enqueueToSendMs: summarize(fromStart),
    scheduledToSendMs: summarize(fromSchedule),
    enqueueCallMs: summarize(callMs),
    cpuMsPerMessage,
  };
}
