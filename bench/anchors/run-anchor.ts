// The anchors' phases, the same three measures as Herald's own on the same PostgreSQL
// server, one after another in this process: (a) N jobs enqueued one by one with the same
// number in flight as Herald's 1a, (b) a worker started on those N (processed/s, from its
// start to the N-th handler call), (c) jobs enqueued at the fixed rate of Herald's phase 3
// while the worker runs (enqueue start → handler call). Every handler call is counted per
// job: a job handled twice is a duplicate, one never handled is missing.
import { perSecond, runPool, sleep, summarize, waitFor, type Summary } from "../measure";
import type { Anchor, AnchorJob } from "./anchor";

export interface AnchorSettings {
  n: number;
  enqueueConcurrency: number;
  latencyRate: number;
  latencyCount: number;
  phaseBudgetMs: number;
}

export interface AnchorResult {
  name: string;
  version: string;
  settings: string;
  enqueueOne: { count: number; capped: boolean; ms: number; perSecond: number; callMs: Summary };
  process: { count: number; ms: number | null; perSecond: number | null };
  latency: { count: number; planned: number; saturated: boolean; achievedRate: number; enqueueToHandlerMs: Summary };
  duplicates: number;
  missing: number;
  error?: string;
}

/** Issues `total` calls at `rate`/s, open loop; stops when more than 2 s of calls are in flight. */
async function openLoop(total: number, rate: number, call: (i: number) => Promise<void>): Promise<{ issued: number; saturated: boolean; ms: number }> {
  const intervalMs = 1000 / rate;
  const maxInFlight = Math.max(50, rate * 2);
  const inFlight = new Set<Promise<void>>();
  const t0 = performance.now();
  let i = 0;
  let saturated = false;
  while (i < total && !saturated) {
    const due = Math.min(total, Math.floor((performance.now() - t0) / intervalMs) + 1);
    while (i < due) {
      if (inFlight.size > maxInFlight) {
        saturated = true;
        break;
      }
      const p = call(i++).catch(() => {});
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    if (i < total && !saturated) await sleep(Math.max(0, t0 + i * intervalMs - performance.now()));
  }
  await Promise.all(inFlight);
  return { issued: i, saturated, ms: performance.now() - t0 };
}

export async function runAnchor(anchor: Anchor, s: AnchorSettings, say: (line: string) => void): Promise<AnchorResult> {
  const total = s.n + s.latencyCount;
  const handled = new Uint16Array(total);
  const latency = new Float64Array(total).fill(NaN);
  let handledCount = 0;
  const onJob = (job: AnchorJob) => {
    const at = performance.now();
    const before = handled[job.i]!;
    handled[job.i] = before + 1;
    if (before === 0) {
      handledCount += 1;
      latency[job.i] = at - job.t;
    }
  };

  say(`  ${anchor.name} ${anchor.version} (${anchor.settings})`);
  say(`     a  enqueue ×${s.n.toLocaleString("en-US")} one by one, ${s.enqueueConcurrency} in flight...`);
  const callMs: number[] = [];
  const e0 = performance.now();
  const enqueued = await runPool(s.n, s.enqueueConcurrency, async (i) => {
    const t = performance.now();
    await anchor.enqueue({ i, t });
    callMs.push(performance.now() - t);
  }, s.phaseBudgetMs);
  const enqueueMs = performance.now() - e0;
  say(`        ${Math.round(perSecond(enqueued, enqueueMs)).toLocaleString("en-US")} jobs/s`);

  say(`     b  worker drains the ${enqueued.toLocaleString("en-US")} jobs...`);
  const p0 = performance.now();
  await anchor.startWorker(onJob);
  let drainedAt: number | null = null;
  if (await waitFor(() => handledCount >= enqueued, 120_000, 2)) drainedAt = performance.now();
  const processMs = drainedAt === null ? null : drainedAt - p0;
  say(`        ${processMs === null ? `not drained in 120 s (${handledCount} handled)` : `${Math.round(perSecond(enqueued, processMs)).toLocaleString("en-US")} jobs/s`}`);

  say(`     c  enqueue at ${s.latencyRate}/s while the worker runs...`);
  await sleep(500);
  const loop = await openLoop(s.latencyCount, s.latencyRate, (k) => anchor.enqueue({ i: s.n + k, t: performance.now() }));
  await waitFor(() => handledCount >= enqueued + loop.issued, 30_000, 5);
  await sleep(1000); // late duplicates, if any
  await anchor.stopWorker();
  const fromEnqueue: number[] = [];
  for (let k = s.n; k < s.n + loop.issued; k++) if (!Number.isNaN(latency[k]!)) fromEnqueue.push(latency[k]!);
  const lat = summarize(fromEnqueue);
  say(`        p50 ${lat.p50.toFixed(2)} ms, p95 ${lat.p95.toFixed(2)} ms${loop.saturated ? " (could not keep up: stopped)" : ""}`);

  let duplicates = 0;
  let missing = 0;
  const expect = (k: number) => k < enqueued || (k >= s.n && k < s.n + loop.issued);
  for (let k = 0; k < total; k++) {
    if (handled[k]! > 1) duplicates += 1;
    if (expect(k) && handled[k] === 0) missing += 1;
  }
  return {
    name: anchor.name,
    version: anchor.version,
    settings: anchor.settings,
    enqueueOne: { count: enqueued, capped: enqueued < s.n, ms: enqueueMs, perSecond: perSecond(enqueued, enqueueMs), callMs: summarize(callMs) },
    process: { count: enqueued, ms: processMs, perSecond: processMs === null ? null : perSecond(enqueued, processMs) },
    latency: { count: loop.issued, planned: s.latencyCount, saturated: loop.saturated, achievedRate: perSecond(loop.issued, loop.ms), enqueueToHandlerMs: lat },
    duplicates,
    missing,
  };
}
