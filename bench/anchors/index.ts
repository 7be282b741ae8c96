// pg-boss and graphile-worker beside Herald: each in a fresh, empty database on the same
// PostgreSQL server as Herald's PostgreSQL phases, one after the other, in this process.
import { createEmptyPostgresDatabase, type BenchDatabase } from "../databases";
import type { Anchor } from "./anchor";
import { openGraphileWorker } from "./graphile-worker";
import { openPgBoss } from "./pg-boss";
import { runAnchor, type AnchorResult, type AnchorSettings } from "./run-anchor";

export type { AnchorResult, AnchorSettings };

const ANCHORS: { name: string; open: (url: string) => Promise<Anchor> }[] = [
  { name: "pg-boss", open: (url) => openPgBoss(url, 100) },
  { name: "graphile-worker", open: (url) => openGraphileWorker(url, 100, 10) },
];

export async function runAnchors(s: AnchorSettings, say: (line: string) => void, made: BenchDatabase[]): Promise<AnchorResult[]> {
  const results: AnchorResult[] = [];
  for (const { name, open } of ANCHORS) {
    const bench = await createEmptyPostgresDatabase(name);
    made.push(bench);
    say(`  database: ${bench.label} (fresh, empty)`);
    let anchor: Anchor | undefined;
    try {
      anchor = await open(bench.url);
      results.push(await runAnchor(anchor, s, say));
    } catch (err) {
      console.error(`  ${name} failed:`, err instanceof Error ? err.message : err);
      results.push({ name, version: "?", settings: "", error: err instanceof Error ? (err.stack ?? err.message) : String(err) } as AnchorResult);
    } finally {
      await anchor?.close().catch((err) => console.error(`  ${name} did not stop cleanly:`, err instanceof Error ? err.message : err));
      await bench.destroy().catch((err) => console.error(`  could not remove ${bench.label}:`, err));
      made.splice(made.indexOf(bench), 1);
    }
  }
  return results;
}
