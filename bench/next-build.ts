// The production build the HTTP phase's server runs (route handlers come from .next).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./databases";

/** Newest modification time of the sources that go into the route bundles. */
function newestSourceMs(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "lib"]) if (existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
  return newest;
}

/**
 * Runs `next build` when there is no production build yet (or BENCH_BUILD=1). The route
 * handlers run from that build, so a build older than lib/ or app/ measures older code: say so.
 */
export async function ensureNextBuild(say: (line: string) => void, force: boolean): Promise<void> {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (existsSync(buildId) && !force) {
    const behindMs = newestSourceMs() - statSync(buildId).mtimeMs;
    if (behindMs > 0) {
      say(`Note: .next was built ${Math.round(behindMs / 1000)} s before the newest change in lib/ or app/; the HTTP phase runs the`);
      say("      route handlers from that build (server.ts and the worker run the current sources). BENCH_BUILD=1 rebuilds first.");
    }
    return;
  }
  say(`${force ? "BENCH_BUILD=1" : "No production build (.next/BUILD_ID)"}: running \`npx next build\` (not timed)...`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npx", ["next", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${output.slice(-3000)}`))));
  });
}
