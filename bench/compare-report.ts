// Side by side, from one run: Herald (PostgreSQL and SQLite) beside pg-boss and
// graphile-worker on the same PostgreSQL server, and POST /api/messages beside a trivial
// route handler; then the targets of issue 16 as ratios of figures measured in this run.
import type { AnchorResult } from "./anchors";
import type { BenchReport, DialectRun } from "./report";
import { fmtInt, fmtMs } from "./measure";

const pass = (ok: boolean | null) => (ok === null ? "–" : ok ? "PASS" : "MISS");
const ratio = (x: number | null | undefined, y: number | null | undefined) => (x && y && Number.isFinite(x) && Number.isFinite(y) ? x / y : null);
const fmtRatio = (r: number | null) => (r === null ? "–" : `${r.toFixed(2)}×`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

interface Figures { enqueue: number | null; processed: number | null; p95: number | null; keptUp: boolean; clean: boolean | null }

function heraldFigures(r: DialectRun | undefined): Figures | null {
  const l = r?.library;
  if (!l) return null;
  return { enqueue: l.enqueueOne.perSecond, processed: l.process.perSecond, p95: l.latency.enqueueToSendMs.p95, keptUp: l.latency.keptUp, clean: l.process.exactlyOnce && l.latency.sent === l.latency.count - l.latency.enqueueErrors };
}

function anchorFigures(a: AnchorResult, rate: number): Figures {
  const keptUp = !a.latency.saturated && a.latency.achievedRate >= 0.9 * rate;
  return { enqueue: a.enqueueOne.perSecond, processed: a.process.perSecond, p95: a.latency.enqueueToHandlerMs.p95, keptUp, clean: a.duplicates === 0 && a.missing === 0 };
}

export function renderComparison(report: BenchReport): string {
  const s = report.settings;
  const anchors = (report.anchors ?? []).filter((a) => !a.error);
  const pgRun = report.runs.find((r) => r.dialect === "postgres");
  const sqliteRun = report.runs.find((r) => r.dialect === "sqlite");
  const pgFig = heraldFigures(pgRun);
  const sqliteFig = heraldFigures(sqliteRun);
  if (!anchors.length && !report.trivial) return "";

  const p95Cell = (f: Figures) => `${fmtMs(f.p95)}${f.keptUp ? "" : " (could not hold the rate)"}`;
  const rows: string[][] = [[`same PostgreSQL server, N = ${fmtInt(s.n)}`, `enqueue one by one, ${s.enqueueConcurrency} in flight (/s)`, "processed (/s)", `p95 enqueue → handler at ${s.latencyRate}/s (ms)`, "duplicates / missing"]];
  for (const a of anchors) {
    const f = anchorFigures(a, s.latencyRate);
    rows.push([`${a.name} ${a.version} (${a.settings}), no-op job`, fmtInt(f.enqueue), fmtInt(f.processed), p95Cell(f), `${fmtInt(a.duplicates)} / ${fmtInt(a.missing)}`]);
  }
  const cleanCell = (f: Figures) => (f.clean ? "0 / 0" : "NOT exactly once");
  if (pgFig) rows.push(["Herald on PostgreSQL, full pipeline (claim, sandbox send, attempt row, status, history, event)", fmtInt(pgFig.enqueue), fmtInt(pgFig.processed), p95Cell(pgFig), cleanCell(pgFig)]);
  if (sqliteFig) rows.push(["Herald on SQLite, full pipeline", fmtInt(sqliteFig.enqueue), fmtInt(sqliteFig.processed), p95Cell(sqliteFig), cleanCell(sqliteFig)]);

  const fastestProcessed = Math.max(0, ...anchors.map((a) => a.process.perSecond ?? 0)) || null;
  const fastestEnqueue = Math.max(0, ...anchors.map((a) => a.enqueueOne.perSecond)) || null;
  const boss = anchors.find((a) => a.name === "pg-boss");
  const trivial = report.trivial && !report.trivial.error ? report.trivial : undefined;
  const targets: string[][] = [["target (issue 16), as a ratio in this run", "PostgreSQL", "", "SQLite", ""]];
  const both = (label: string, f: (r: DialectRun | undefined, fig: Figures | null) => [string, boolean | null]) => {
    const [a, ok1] = f(pgRun, pgFig);
    const [b, ok2] = f(sqliteRun, sqliteFig);
    targets.push([label, a, pass(ok1), b, pass(ok2)]);
  };
  const processedNeed = { postgres: 1.0, sqlite: 1.5 };
  both(`processed/s ≥ ${processedNeed.postgres}× (PG) / ${processedNeed.sqlite}× (SQLite) the faster anchor`, (r, fig) => {
    const x = ratio(fig?.processed, fastestProcessed);
    return [fmtRatio(x), x === null ? null : x >= processedNeed[r?.dialect ?? "postgres"] && !!fig?.clean];
  });
  targets.push([
    `p95 enqueue → provider call at ${s.latencyRate}/s: PG ≤ 1.0× pg-boss's; SQLite ≤ 5 ms`,
    fmtRatio(ratio(pgFig?.p95, boss?.latency.enqueueToHandlerMs.p95)),
    pass(pgFig && boss ? pgFig.p95! <= boss.latency.enqueueToHandlerMs.p95 : null),
    sqliteFig ? `${fmtMs(sqliteFig.p95)} ms` : "–",
    pass(sqliteFig ? sqliteFig.p95! <= 5 : null),
  ]);
  both("single enqueue ≥ 1.5× the faster anchor", (_r, fig) => {
    const x = ratio(fig?.enqueue, fastestEnqueue);
    return [fmtRatio(x), x === null ? null : x >= 1.5];
  });
  both(`POST /api/messages ≥ 0.6× the trivial route handler (${trivial ? fmtInt(trivial.acceptedPerSecond) : "–"}/s)`, (r) => {
    const x = ratio(r?.http && !r.http.error ? r.http.acceptedPerSecond : null, trivial?.acceptedPerSecond);
    return [fmtRatio(x), x === null ? null : x >= 0.6];
  });
  both(`call webhooks at ${fmtInt(s.webhookRate)}/s, worker on: p95 ≤ 50 ms, planned once`, (r) => {
    const w = r?.webhooks?.find((x) => x.workerEnabled && !x.error);
    return [w ? `${fmtMs(w.responseMs.p95)} ms` : "–", w ? w.responseMs.p95 <= 50 && w.exactlyOnce && !w.stoppedEarly : null];
  });

  return [
    "Side by side (one run, one machine; compare ratios, not absolute figures across runs):",
    "",
    table(rows),
    "",
    table(targets),
    ...(trivial ? ["", `trivial route handler: ${fmtInt(trivial.acceptedPerSecond)} answered/s, p95 ${fmtMs(trivial.requestMs.p95)} ms, server CPU ${fmtMs(trivial.serverCpuMsPerRequest)} ms per request`] : []),
    ...(report.anchors ?? []).filter((a) => a.error).map((a) => `${a.name} failed: ${a.error!.split("\n")[0]}`),
  ].join("\n");
}
