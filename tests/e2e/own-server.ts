// A server.ts of a spec's own whose process id is known (for its memory) and that can be
// restarted on the same database with other settings (another ADMIN_PASSWORD).
import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { heraldEnv, spawnHerald } from "./herald-process";

export interface OwnServer {
  url: string;
  pid: number;
  /** Resident memory of the server process, in bytes (/proc/<pid>/status). */
  rss(): Promise<number>;
  stop(): Promise<number | null>;
}

export async function startOwnServer(port: number, databaseUrl: string, extra: Record<string, string> = {}): Promise<OwnServer> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawnHerald(heraldEnv(port, databaseUrl, extra), process.env.HERALD_LOG ? "inherit" : "ignore");
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/api/health`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`server.ts on port ${port} exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server.ts on port ${port} was not healthy within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    rss: async () => Number(/VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${child.pid}/status`, "utf8"))![1]) * 1024,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
