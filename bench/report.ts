// The printed table and bench/results/latest.json.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DialectName as Dialect } from "../lib/db/client";
import { ROOT } from "./databases";
import type { HttpResult } from "./http-phase";
import type { WebhookResult } from "./webhook-phase";
import type { LibraryResults, LibrarySettings } from "./library-phases";
import { fmtInt, fmtMs, mb, round, type Summary } from "./measure";
import type { AnchorResult } from "./anchors";
import type { TrivialResult } from "./trivial-phase";
import { renderComparison } from "./compare-report";
import type { ConversationsResult } from "./conversations-phase";
import { conversationRows } from "./conversations-report";

export interface DialectRun {
  dialect: Dialect;
  database: string;
  library?: LibraryResults;
  http?: HttpResult;
  webhooks?: WebhookResult[];
  conversations?: ConversationsResult;
  benchPeakRssKb: number;
  error?: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: { node: string; cpus: number; cpuModel: string; memoryMb: number; loadAvgAtStart: number[]; loadAvgAtEnd: number[] };
  settings: LibrarySettings & { httpConcurrency: number; httpEnabled: boolean; httpSkipped?: string; webhookRate: number; webhookSeconds: number; conversations?: { conversations: number; messages: number; widgetRate: number; widgetSeconds: number; repeats: number } };
  runs: DialectRun[];
  /** pg-boss and graphile-worker, run in this process on the same PostgreSQL server. */
  anchors?: AnchorResult[];
  /** The trivial route handler POST /api/messages is compared with. */
  trivial?: TrivialResult;
  benchPeakRssKb: number;
}

/** Absolute targets (SQLite); the targets against pg-boss and graphile-worker are ratios (bench/compare-report.ts). */
export const TARGETS = { sqliteProcessedPerSecond: 2000, sqliteP95Ms: 25, sqliteWebhooksPerSecond: 1000, sqliteWebhookP95Ms: 50 };

const pass = (ok: boolean) => (ok ? "PASS" : "MISS");

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd();
  const sep = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(rows[0]!), sep, ...rows.slice(1).map((r) => (r[0] === "" && r.every((c) => c === "") ? "" : line(r)))].join("\n");
}

export function renderReport(report: BenchReport): string {
  const s = report.settings;
  const byDialect = (d: Dialect) => report.runs.find((r) => r.dialect === d);
  const dialects = report.runs.map((r) => r.dialect);
  const sqlite = byDialect("sqlite");
  const cell = (f: (r: DialectRun) => string) => dialects.map((d) => f(byDialect(d)!));
  const lib = (f: (l: LibraryResults) => string) => cell((r) => (r.library ? f(r.library) : "–"));
  const http = (f: (h: HttpResult) => string) => cell((r) => (r.http && !r.http.error ? f(r.http) : r.http?.error ? "failed" : "–"));
  const pct = (x: Summary) => `${fmtMs(x.p50)} / ${fmtMs(x.p95)} / ${fmtMs(x.p99)}`;

  const processedTarget = sqlite?.library
    ? `≥ ${fmtInt(TARGETS.sqliteProcessedPerSecond)} (SQLite): ${pass(sqlite.library.process.perSecond >= TARGETS.sqliteProcessedPerSecond && sqlite.library.process.exactlyOnce)}`
    : `≥ ${fmtInt(TARGETS.sqliteProcessedPerSecond)} (SQLite)`;
  const p95Target = sqlite?.library
    ? `≤ ${TARGETS.sqliteP95Ms} ms (SQLite): ${pass(sqlite.library.latency.enqueueToSendMs.p95 <= TARGETS.sqliteP95Ms)}`
    : `≤ ${TARGETS.sqliteP95Ms} ms (SQLite)`;
  const httpE2eTarget = sqlite?.http?.endToEndPerSecond
    ? `≥ ${fmtInt(TARGETS.sqliteProcessedPerSecond)} (info): ${pass(sqlite.http.endToEndPerSecond >= TARGETS.sqliteProcessedPerSecond)}`
    : "";
  const blank = ["", ...dialects.map(() => ""), ""];

  const rows: string[][] = [
    ["", ...dialects, "target"],
    [`1a enqueueMessage one by one, ${s.enqueueConcurrency} in flight (msg/s)`, ...lib((l) => fmtInt(l.enqueueOne.perSecond)), "", "", ""],
    ["   messages enqueued (N, or fewer when stopped at the time budget)", ...lib((l) => `${fmtInt(l.enqueueOne.count)}${l.enqueueOne.capped ? " (budget)" : ""}`), "", "", ""],
    ["   call latency p50 / p95 / p99 (ms)", ...lib((l) => pct(l.enqueueOne.callMs)), "", "", ""],
    ["   CPU per message, bench process (ms)", ...lib((l) => fmtMs(l.enqueueOne.cpuMsPerMessage)), "", "", ""],
    [`1b enqueueBatch, ${fmtInt(s.batchChunk)} per call (msg/s)`, ...lib((l) => fmtInt(l.enqueueBatch.perSecond)), "", "", ""],
    ["   per call p50 / p95 (ms)", ...lib((l) => `${fmtMs(l.enqueueBatch.callMs.p50)} / ${fmtMs(l.enqueueBatch.callMs.p95)}`), "", "", ""],
    ["   CPU per message, bench process (ms)", ...lib((l) => fmtMs(l.enqueueBatch.cpuMsPerMessage)), "", "", ""],
    blank,
    [`2  worker end to end, batch ${s.worker.batchSize} × concurrency ${s.worker.concurrency} (msg/s)`, ...lib((l) => fmtInt(l.process.perSecond)), processedTarget],
    ["   CPU per message incl. delivery reports, bench process (ms)", ...lib((l) => fmtMs(l.process.cpuMsPerMessage)), "", "", ""],
    ["   sent exactly once (1 provider call, attempts = 1, 1 attempt row)", ...lib((l) => (l.process.exactlyOnce ? `yes (${fmtInt(l.process.sentOrDelivered)})` : `NO`)), "", "", ""],
    [`   delivery reports (sandbox, +${s.sandboxDeliveryMs} ms) all applied after (s)`, ...lib((l) => (l.process.deliveredSettleMs === null ? `no (${fmtInt(l.process.delivered)})` : (l.process.deliveredSettleMs / 1000).toFixed(1))), "", "", ""],
    blank,
    [`3  enqueue → provider send() at ${s.latencyRate}/s, p50 / p95 / p99 (ms)`, ...lib((l) => pct(l.latency.enqueueToSendMs)), p95Target],
    ["   max (ms); sent / enqueued", ...lib((l) => `${fmtMs(l.latency.enqueueToSendMs.max)}; ${fmtInt(l.latency.sent)} / ${fmtInt(l.latency.count - l.latency.enqueueErrors)}`), "", "", ""],
    [`   kept up with ${s.latencyRate}/s (stops at 2 s of backlog)`, ...lib((l) => (l.latency.keptUp ? "yes" : l.latency.saturated ? `NO, stopped at ${fmtInt(l.latency.count)}/${fmtInt(l.latency.planned)}` : `NO, ${fmtInt(l.latency.achievedRate)}/s`)), "", "", ""],
    ["   from the scheduled tick (incl. driver lag) p95 (ms)", ...lib((l) => fmtMs(l.latency.scheduledToSendMs.p95)), "", "", ""],
    ["   CPU per message: enqueue + worker + delivery report (ms)", ...lib((l) => fmtMs(l.latency.cpuMsPerMessage)), "", "", ""],
    ["   submitMessage call p50 / p95 (ms); achieved rate (/s)", ...lib((l) => `${fmtMs(l.latency.enqueueCallMs.p50)} / ${fmtMs(l.latency.enqueueCallMs.p95)}; ${fmtInt(l.latency.achievedRate)}`), "", "", ""],
    blank,
  ];
  if (s.httpEnabled) {
    rows.push(
      [`4  HTTP POST /api/messages, ${s.httpConcurrency} in flight (accepted/s)`, ...http((h) => fmtInt(h.acceptedPerSecond)), "", "", ""],
      ["   request latency p50 / p95 / p99 (ms)", ...http((h) => pct(h.requestMs)), "", "", ""],
      ["   server CPU per message, API + worker (ms)", ...http((h) => fmtMs(h.serverCpuMsPerMessage)), "", "", ""],
      ["   accepted (N, or fewer when stopped at the time budget); rejected", ...http((h) => `${fmtInt(h.accepted)}${h.capped ? " (budget)" : ""}; ${fmtInt(h.rejected)}`), "", "", ""],
      ["   end to end in the server: first POST → all sent (msg/s)", ...http((h) => fmtInt(h.endToEndPerSecond)), httpE2eTarget, "", ""],
      ["   backlog drained after the last POST (s)", ...http((h) => (h.drainAfterLastPostMs === null ? "–" : (h.drainAfterLastPostMs / 1000).toFixed(1))), "", "", ""],
      ["   server start to healthy (s)", ...http((h) => (h.startupMs / 1000).toFixed(1)), "", "", ""],
      ["   SIGTERM → exit code", ...cell((r) => (r.http ? `${r.http.exitCode ?? r.http.exitSignal}${r.http.stoppedCleanly ? " (graceful)" : ""}` : "–")), "0", "", ""],
      blank,
      ...webhookRows(report, cell, blank),
      ...conversationRows(report.runs, cell, blank),
    );
  }
  rows.push(
    ["5  peak RSS, server process (VmHWM, MB)", ...cell((r) => (r.http?.serverPeakRssKb ? fmtInt(mb(r.http.serverPeakRssKb)) : "–")), "", "", ""],
    ["   peak RSS, bench process so far (maxRSS, MB)", ...cell((r) => fmtInt(mb(r.benchPeakRssKb))), "", "", ""],
  );

  const errors = report.runs.filter((r) => r.error).map((r) => `${r.dialect}: ${r.error}`);
  const comparison = renderComparison(report);
  return [
    `Herald bench: N = ${fmtInt(s.n)} messages per phase, ${report.machine.cpus} CPUs (${report.machine.cpuModel}), node ${report.machine.node}`,
    `load average at start ${report.machine.loadAvgAtStart.map((l) => l.toFixed(2)).join(" ")}, at end ${report.machine.loadAvgAtEnd.map((l) => l.toFixed(2)).join(" ")}`,
    "",
    table(rows.map((r) => r.slice(0, dialects.length + 2))),
    ...(comparison ? ["", comparison] : []),
    ...(errors.length ? ["", "Errors:", ...errors.map((e) => `  ${e}`)] : []),
    ...(s.httpSkipped ? ["", `HTTP phase skipped: the production build failed (${s.httpSkipped.split("\n")[0]}).`] : []),
    `Peak RSS of the bench process: ${fmtInt(mb(report.benchPeakRssKb))} MB.`,
  ].join("\n");
}

/** 6: one block per worker setting (off: an API replica; on: the one process doing everything). */
function webhookRows(report: BenchReport, cell: (f: (r: DialectRun) => string) => string[], blank: string[]): string[][] {
  const s = report.settings;
  const sqlite = report.runs.find((r) => r.dialect === "sqlite");
  const settingsRun = report.runs.find((r) => r.webhooks?.length)?.webhooks ?? [];
  return settingsRun.flatMap((_, k) => {
    const wh = (f: (w: WebhookResult) => string) => cell((r) => { const w = r.webhooks?.[k]; return w && !w.error ? f(w) : w?.error ? "failed" : "–"; });
    const mine = sqlite?.webhooks?.[k];
    const rateTarget = mine ? `≥ ${fmtInt(TARGETS.sqliteWebhooksPerSecond)} (SQLite): ${pass(mine.acceptedPerSecond >= 0.99 * TARGETS.sqliteWebhooksPerSecond && !mine.stoppedEarly && mine.exactlyOnce)}` : "";
    const p95Target = mine ? `≤ ${TARGETS.sqliteWebhookP95Ms} ms (SQLite): ${pass(mine.responseMs.p95 <= TARGETS.sqliteWebhookP95Ms)}` : "";
    return [
      [`6${"ab"[k]} call webhooks at ${fmtInt(s.webhookRate)}/s for ${s.webhookSeconds} s, worker ${settingsRun[k]!.workerEnabled ? "on" : "off"} (accepted/s)`, ...wh((w) => `${fmtInt(w.acceptedPerSecond)}${w.stoppedEarly ? " (fell behind)" : ""}`), rateTarget, "", ""],
      ["   response p50 / p95 / p99 (ms)", ...wh((w) => `${fmtMs(w.responseMs.p50)} / ${fmtMs(w.responseMs.p95)} / ${fmtMs(w.responseMs.p99)}`), p95Target, "", ""],
      ["   follow-ups planned / expected; duplicates", ...wh((w) => `${fmtInt(w.plannedFollowUps)} / ${fmtInt(w.expectedFollowUps)}; ${fmtInt(w.duplicateFollowUps)}`), "", "", ""],
      ["   1,000 redelivered → nothing changed; exactly once", ...wh((w) => `${w.redeliveryChangedSomething ? "NO" : "yes"}; ${w.exactlyOnce ? "yes" : "NO"}`), "", "", ""],
      ["   server CPU per event (ms); peak RSS (MB)", ...wh((w) => `${fmtMs(w.serverCpuMsPerEvent)}; ${w.serverPeakRssKb ? fmtInt(mb(w.serverPeakRssKb)) : "–"}`), "", "", ""],
      blank,
    ];
  });
}

/** Writes bench/results/latest.json (gitignored); numbers rounded for reading. */
export function writeReport(report: BenchReport): string {
  const file = path.join(ROOT, "bench", "results", "latest.json");
  mkdirSync(path.dirname(file), { recursive: true });
  const rounded = JSON.parse(JSON.stringify(report, (_k, v) => (typeof v === "number" && !Number.isInteger(v) ? round(v, 3) : v)));
  writeFileSync(file, JSON.stringify({ ...rounded, targets: TARGETS }, null, 2) + "\n");
  return file;
}

export function machineInfo() {
  const cpus = os.cpus();
  return { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? "unknown", memoryMb: Math.round(os.totalmem() / 1048576), loadAvg: os.loadavg() };
}
