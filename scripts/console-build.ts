// The console's production build (.next), made only when it is missing or older than what
// it is built from: `npm start` then starts in seconds instead of rebuilding (~90 s) each time.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
/** What `next build` reads: pages, components, lib (route handlers bundle it), configuration, dependencies. */
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tailwind.config.ts", "tsconfig.json", "package.json", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why the build must be made, or null when .next is up to date. */
export function staleReason(root = ROOT): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const built = statSync(buildId).mtimeMs;
  for (const source of SOURCES) {
    if (newestMtime(path.join(root, source)) > built) return `${source} changed since the last build`;
  }
  return null;
}

/** Builds when stale; returns whether it built. Throws when next build fails. */
export function ensureConsoleBuild(log: (line: string) => void, root = ROOT): boolean {
  const reason = staleReason(root);
  if (!reason) return false;
  log(`building the console (${reason}); later starts skip this while nothing changes`);
  const next = path.join(root, "node_modules/next/dist/bin/next");
  const result = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  return true;
}
