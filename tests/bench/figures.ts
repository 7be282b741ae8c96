// The console benchmark's figures: percentiles, the printed table and bench/results/console.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface Figure {
  /** What was measured, e.g. "first load: GET /messages document". */
  name: string;
  unit: "ms" | "count" | "/s";
  summary: Summary;
  /** The figure compared with the target (p95 or max), when there is one. */
  target?: { max: number; of: keyof Summary };
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) return { n: 0, p50: NaN, p95: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

function fmt(v: number): string {
  if (Number.isNaN(v)) return "–";
  return v >= 100 ? Math.round(v).toLocaleString("en-US") : v.toFixed(1);
}

function verdict(f: Figure): string {
  if (!f.target) return "";
  const value = f.summary[f.target.of];
  return `${f.target.of} ≤ ${f.target.max} ${f.unit}: ${value <= f.target.max ? "PASS" : "MISS"}`;
}

export function formatTable(figures: Figure[]): string {
  const head = ["figure", "unit", "n", "p50", "p95", "max", "target"];
  const rows = figures.map((f) => [f.name, f.unit, String(f.summary.n), fmt(f.summary.p50), fmt(f.summary.p95), fmt(f.summary.max), verdict(f)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function writeResults(root: string, data: Record<string, unknown>): string {
  const file = path.join(root, "bench", "results", "console.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
