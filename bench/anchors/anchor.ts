// What the bench needs of a job queue it compares Herald with (bench/anchors/*): enqueue one
// job, run a worker whose no-op handler reports each job, stop. Jobs carry their index and
// the moment their enqueue started (performance.now(): the same process measures both ends).
import { readFileSync } from "node:fs";
import path from "node:path";
export interface AnchorJob {
  i: number;
  t: number;
}

export interface Anchor {
  name: string;
  version: string;
  /** The settings it runs with, for the printed table. */
  settings: string;
  enqueue(job: AnchorJob): Promise<void>;
  startWorker(onJob: (job: AnchorJob) => void): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** The installed version of a package (its package.json, read from node_modules). */
export function installedVersion(pkg: string): string {
  const file = path.resolve(import.meta.dirname, "../../node_modules", pkg, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}
