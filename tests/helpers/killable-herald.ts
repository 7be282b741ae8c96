// server.ts as a deployment runs it, for crash tests: its own process group, so that
// SIGKILL takes the server and anything it started (a worker thread or child process, if
// the server grows one) at once, as a container or machine dying would. Output is kept for
// the failure message.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT, heraldEnv } from "../e2e/herald-process";

export interface KillableHerald {
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** SIGKILL to the whole process group; resolves once the server is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a graceful stop), then SIGKILL if it has not exited within 20 s. */
  stop(): Promise<{ code: number | null; signal: string | null }>;
  isRunning(): boolean;
}

// A server in its own group outlives its parent: whatever ends this process (a test's timeout
// included) takes the groups it started along.
const live = new Set<number>();
process.once("exit", () => {
  for (const pgid of live) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

export async function startKillableHerald(port: number, databaseUrl: string, extra: Record<string, string>): Promise<KillableHerald> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server.ts")], {
    cwd: ROOT,
    env: heraldEnv(port, databaseUrl, extra),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let running = true;
  live.add(child.pid!);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running) throw new Error(`server.ts on port ${port} exited before it was healthy:\n${output.slice(-30).join("\n")}`);
    if (Date.now() > deadline) {
      killGroup("SIGKILL");
      throw new Error(`server.ts on port ${port} was not healthy within 60 s:\n${output.slice(-30).join("\n")}`);
    }
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output,
    exited,
    isRunning: () => running,
    async kill9() {
      killGroup("SIGKILL");
      await exited;
      live.delete(child.pid!);
    },
    async stop() {
      if (running) child.kill("SIGTERM");
      const timer = setTimeout(() => killGroup("SIGKILL"), 20_000);
      const result = await exited;
      clearTimeout(timer);
      killGroup("SIGKILL"); // anything the server left behind in its group
      live.delete(child.pid!);
      return result;
    },
  };
}
