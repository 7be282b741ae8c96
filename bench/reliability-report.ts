// The printed table of `npm run bench:reliability` and bench/results/reliability.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CrashResult } from "../tests/helpers/crash-scenario";
import { ROOT } from "./databases";
import { fmtInt, fmtMs, summarize, type Summary } from "./measure";
import type { IntegrityResult } from "./reliability-check";
import type { StreamResult } from "./reliability-load";

export interface ReliabilityReport {
  startedAt: string;
  finishedAt: string;
  machine: { node: string; cpus: number; loadAvgAtStart: number[]; loadAvgAtEnd: number[] };
  settings: { seconds: number; webhookRate: number; enqueueRate: number; healthRate: number; connections: number; crash: boolean };
  streams: (Omit<StreamResult, "latencies"> & { ms: Summary })[];
  rssKb: [number, number][];
  rssGrowthLast30sKb: number | null;
  rssGrewLast30s: boolean | null;
  integrity?: IntegrityResult;
  crash?: Omit<CrashResult, "serverLog">;
  error?: string;
}

export const HEALTH_P99_TARGET_MS = 50; // API.md: "fast under load (p99 ≤ 50 ms)"

/** RSS change over the last 30 s of samples, and whether it rose by more than 5 % (and 10 MB) over them. */
export function rssTrend(samples: [number, number][]): { growthKb: number | null; grew: boolean | null } {
  if (samples.length < 2) return { growthKb: null, grew: null };
  const end = samples[samples.length - 1]!;
  const from = samples.find(([t]) => t >= end[0] - 30) ?? samples[0]!;
  if (from === end) return { growthKb: null, grew: null };
  const growthKb = end[1] - from[1];
  return { growthKb, grew: growthKb > 10 * 1024 && growthKb > from[1] * 0.05 };
}

export function summarizeStream(s: StreamResult): ReliabilityReport["streams"][number] {
  const { latencies, ...rest } = s;
  return { ...rest, ms: summarize(latencies) };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

const yes = (ok: boolean) => (ok ? "yes" : "NO");

export function renderReliability(r: ReliabilityReport): string {
  const out: string[] = [];
  out.push(`Herald reliability: ${r.settings.seconds} s of ${r.settings.webhookRate} call events/s + ${r.settings.enqueueRate} enqueues/s, /api/health ${r.settings.healthRate}/s, SQLite, one server.ts`);
  out.push(`load average ${r.machine.loadAvgAtStart.map((l) => l.toFixed(2)).join(" ")} → ${r.machine.loadAvgAtEnd.map((l) => l.toFixed(2)).join(" ")} (${r.machine.cpus} CPUs)`);
  out.push("");
  out.push(table([
    ["kind", "offered/s", "sent", "accepted", "refused", "p50 ms", "p95 ms", "p99 ms", "max ms", "kept up"],
    ...r.streams.map((s) => [s.name, fmtInt(s.rate), fmtInt(s.issued), fmtInt(s.accepted), fmtInt(s.rejected), fmtMs(s.ms.p50), fmtMs(s.ms.p95), fmtMs(s.ms.p99), fmtMs(s.ms.max), s.shed ? `NO, ${fmtInt(s.shed)} shed` : "yes"]),
  ]));
  const health = r.streams.find((s) => s.name === "GET /api/health");
  if (health) out.push(`/api/health p99 ${fmtMs(health.ms.p99)} ms (target ≤ ${HEALTH_P99_TARGET_MS} ms): ${health.ms.p99 <= HEALTH_P99_TARGET_MS && !health.rejected ? "PASS" : "MISS"}`);
  for (const s of r.streams) if (s.firstFailure) out.push(`  first refusal of ${s.name}: ${s.firstFailure}`);
  out.push(`server RSS (MB) every 5 s: ${r.rssKb.map(([t, kb]) => `${t}s ${(kb / 1024).toFixed(0)}`).join(", ")}`);
  out.push(`  over the last 30 s: ${r.rssGrowthLast30sKb === null ? "–" : `${r.rssGrowthLast30sKb >= 0 ? "+" : ""}${(r.rssGrowthLast30sKb / 1024).toFixed(1)} MB`}; grew: ${r.rssGrewLast30s === null ? "–" : r.rssGrewLast30s ? "YES" : "no"}`);
  if (r.integrity) {
    const i = r.integrity;
    out.push("");
    out.push(table([
      ["in the database", "accepted", "stored", "lost", "duplicated", "exactly once"],
      ["call events → calls planned", fmtInt(i.callsAccepted), fmtInt(i.callsPlanned), fmtInt(i.callsLost), "–", yes(i.callsLost === 0)],
      ["  their follow-ups", fmtInt(i.followUpsExpected), fmtInt(i.followUpsPlanned), `${fmtInt(i.callsShortOfFollowUps)} calls short`, fmtInt(i.followUpsDuplicated), yes(i.callsShortOfFollowUps === 0 && i.followUpsDuplicated === 0)],
      ["POST /api/messages", fmtInt(i.messagesAccepted), fmtInt(i.messagesPresent), fmtInt(i.messagesLost), fmtInt(i.messagesDuplicated), yes(i.messagesLost === 0 && i.messagesDuplicated === 0)],
    ]));
    if (i.callsPlannedThoughUnanswered || i.messagesStoredThoughRefused) {
      out.push(`  done although the caller was told otherwise or nothing within 30 s (it will retry: a duplicate unless it has an idempotency key): ${fmtInt(i.callsPlannedThoughUnanswered)} call(s), ${fmtInt(i.messagesStoredThoughRefused)} message(s)`);
    }
  }
  if (r.crash) {
    const c = r.crash;
    out.push("");
    out.push(`crash: ${c.enqueued} SMS via the HTTP gateway (20–50 ms), WORKER_CONCURRENCY=${c.concurrency}, ${c.interruption} on ${c.dialect} after ${c.sendsAtInterruption} sends, restart, all ended ${c.msToAllEnded === null ? "NO (timed out)" : `after ${(c.msToAllEnded / 1000).toFixed(1)} s`}${c.error ? ` — failed: ${c.error}` : ""}`);
    out.push(table([
      ["sent once", "sent twice+", "flagged possibleDuplicate", "with 'unknown' attempt", "not ended", "sends without Idempotency-Key", "within bound (≤ concurrency, all flagged)"],
      [fmtInt(c.sentOnce), fmtInt(c.sentTwice), fmtInt(c.flagged), fmtInt(c.withUnknownAttempt), fmtInt(c.notEnded), fmtInt(c.sendsWithoutKey), yes(c.sentTwice <= c.concurrency && c.flagged === c.sentTwice && c.notEnded === 0)],
    ]));
  }
  if (r.error) out.push(`\nFAILED: ${r.error}`);
  return out.join("\n");
}

export function writeReliability(r: ReliabilityReport): string {
  const file = path.join(ROOT, "bench", "results", "reliability.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(r, null, 2) + "\n");
  return path.relative(ROOT, file);
}
