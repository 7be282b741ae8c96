// Herald as a supervisor runs it: `npm start` (the PID Docker or systemd would signal) and
// server.ts started directly. SIGTERM to npm's PID must stop the server (port closed, exit 0);
// a start that cannot work must say why in one line naming the variable, and exit 1, before
// it starts a worker. The log says what an operator needs and nothing for a success.
// E2E because `npm start` serves the production build that `npm run test:e2e` makes first.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { expect, test } from "@playwright/test";
import { refusedUrl } from "../helpers/doubles/http-double";
import { E2E_PORT, ROOT, collectLines, dbFileFor, freshDatabase, heraldEnv, runToExit, spawnHerald, spawnNpmStart } from "./herald-process";

const PORTS = { npmStart: E2E_PORT + 45, busy: E2E_PORT + 46, first: E2E_PORT + 47, second: E2E_PORT + 48, pg: E2E_PORT + 49 };

async function healthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fetch(`${url}/api/health`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`${url} was not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function portAnswers(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false);
}

/** The JSON log lines among a process's output. */
function jsonLines(lines: string[]): Record<string, unknown>[] {
  return lines.flatMap((l) => {
    try {
      const v = JSON.parse(l);
      return v && typeof v === "object" ? [v as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/** A failed start: exit 1, exactly one fatal line naming `variable`, no stack trace. */
function expectOneLineFailure(result: { code: number | null; lines: string[] }, variable: string, text: RegExp) {
  const output = result.lines.join("\n");
  expect(result.code, output).toBe(1);
  const fatal = jsonLines(result.lines).filter((l) => l.level === "fatal");
  expect(fatal, output).toHaveLength(1);
  expect(fatal[0]!.variable, output).toBe(variable);
  expect(String(fatal[0]!.msg), output).toMatch(text);
  expect(String(fatal[0]!.msg)).toContain(variable);
  expect(output, "no stack trace").not.toMatch(/^\s+at /m);
  expect(result.lines.length, output).toBeLessThanOrEqual(3); // npm's own header lines at most
}

test("SIGTERM to the PID npm start returns stops the server: port closed, exit 0", async () => {
  test.setTimeout(240_000);
  const url = await freshDatabase(dbFileFor(`process-npm-${E2E_PORT}`));
  const env = heraldEnv(PORTS.npmStart, url);
  // A server left on the port (by an earlier run) would answer for this one.
  expect(await portAnswers(PORTS.npmStart), `port ${PORTS.npmStart} already answers before npm start`).toBe(false);
  const started = Date.now();
  const npm = spawnNpmStart(env);
  const lines = collectLines(npm);
  const exited = new Promise<number | null>((resolve) => npm.once("close", (code) => resolve(code)));
  try {
    await healthy(`http://127.0.0.1:${PORTS.npmStart}`, 200_000);
    const startSeconds = (Date.now() - started) / 1000;
    expect(lines.join("\n"), "the build made by npm run test:e2e is reused").not.toMatch(/building the console/);
    console.log(`  npm start → healthy in ${startSeconds.toFixed(1)} s (build reused)`);
  } catch (err) {
    // Stop the server before failing, or it outlives the test and holds the port.
    npm.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    throw err;
  }
  npm.kill("SIGTERM"); // npm's own PID: what docker stop / systemctl stop signal
  const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 30_000))]);
  expect(code, lines.join("\n")).toBe(0);
  expect(await portAnswers(PORTS.npmStart), "nothing answers on the port after npm exited").toBe(false);
  const log = jsonLines(lines);
  expect(log.some((l) => l.msg === "stopped" && l.signal === "SIGTERM"), lines.join("\n")).toBe(true);
});

test("a port already in use: one line naming PORT, exit 1 (server.ts and npm start)", async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(PORTS.busy, "127.0.0.1", resolve));
  try {
    const url = await freshDatabase(dbFileFor(`process-busy-${E2E_PORT}`));
    const direct = await runToExit(spawnHerald(heraldEnv(PORTS.busy, url), "pipe"));
    expectOneLineFailure(direct, "PORT", /port \d+ is already in use/);
    const npm = await runToExit(spawnNpmStart(heraldEnv(PORTS.busy, url)));
    expectOneLineFailure(npm, "PORT", /port \d+ is already in use/);
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
});

test("a second Herald on the same SQLite file: one line naming DATABASE_URL, exit 1; the first keeps serving", async () => {
  test.setTimeout(120_000);
  const url = await freshDatabase(dbFileFor(`process-twice-${E2E_PORT}`));
  const first = spawnHerald(heraldEnv(PORTS.first, url), "pipe");
  const firstLines = collectLines(first);
  const firstExit = new Promise<number | null>((resolve) => first.once("close", (code) => resolve(code)));
  try {
    await healthy(`http://127.0.0.1:${PORTS.first}`);
    const second = await runToExit(spawnHerald(heraldEnv(PORTS.second, url), "pipe"));
    expectOneLineFailure(second, "DATABASE_URL", /another Herald is already running on/);
    expect(await portAnswers(PORTS.second), "the second never listened").toBe(false);
    const npm = await runToExit(spawnNpmStart(heraldEnv(PORTS.second, url)));
    expectOneLineFailure(npm, "DATABASE_URL", /another Herald is already running on/);
    expect((await fetch(`http://127.0.0.1:${PORTS.first}/api/health`)).status).toBe(200);
  } finally {
    first.kill("SIGTERM");
    expect(await firstExit, firstLines.join("\n")).toBe(0);
  }
});

test("an unreachable DATABASE_URL: one line naming it, exit 1 (server.ts, npm start, npm run db:migrate)", async () => {
  const nowhere = new URL(await refusedUrl());
  const databaseUrl = `postgresql://postgres:secret@127.0.0.1:${nowhere.port}/herald`;
  const env = heraldEnv(PORTS.pg, databaseUrl);
  const direct = await runToExit(spawnHerald(env, "pipe"), 30_000);
  expectOneLineFailure(direct, "DATABASE_URL", /cannot reach the database .*ECONNREFUSED/);
  expect(direct.lines.join("\n"), "the password is not printed").not.toContain("secret");
  const npm = await runToExit(spawnNpmStart(env), 30_000);
  expectOneLineFailure(npm, "DATABASE_URL", /cannot reach the database .*ECONNREFUSED/);
  const migrate = await runToExit(spawn("npm", ["run", "--silent", "db:migrate"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }), 30_000);
  expectOneLineFailure(migrate, "DATABASE_URL", /cannot reach the database .*ECONNREFUSED/);
});

test("the log: one line per failed request, refused webhook, dead letter and provider failure; none for a success", async () => {
  test.setTimeout(120_000);
  const port = PORTS.first;
  const base = `http://127.0.0.1:${port}`;
  const url = await freshDatabase(dbFileFor(`process-log-${E2E_PORT}`));
  const server = spawnHerald(heraldEnv(port, url), "pipe");
  const lines = collectLines(server);
  const exited = new Promise<number | null>((resolve) => server.once("close", (code) => resolve(code)));
  try {
    await healthy(base);
    const admin = { authorization: "Bearer e2e-admin-key-0123456789", "content-type": "application/json" };
    const client = await (await fetch(`${base}/api/clients`, { method: "POST", headers: admin, body: JSON.stringify({ name: "Log Clinic", timezone: "UTC" }) })).json();
    const clientId = client.client.id as string;
    const before = lines.length;
    const send = (to: string) => fetch(`${base}/api/messages`, { method: "POST", headers: admin, body: JSON.stringify({ clientId, channel: "sms", to, body: "hello" }) });
    for (let i = 0; i < 5; i++) expect((await send("+15551230000")).status).toBe(202); // successes
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/messages`)).status).toBe(401); // a failing request
    expect((await fetch(`${base}/api/webhooks/calls`, { method: "POST", headers: { "content-type": "application/json", "x-retell-signature": "v=1,d=00" }, body: "{}" })).status).toBe(401); // a refused webhook
    const dead = await (await send("+15550000001")).json(); // the sandbox fails ...0001 permanently
    await expect.poll(async () => (await (await fetch(`${base}/api/messages/${dead.message.id}`, { headers: admin })).json()).message.status, { timeout: 20_000 }).toBe("dead_letter");
    await new Promise((r) => setTimeout(r, 1500)); // the five sends are delivered meanwhile
    const log = jsonLines(lines.slice(before));
    const text = lines.slice(before).join("\n");
    const failed = log.filter((l) => String(l.msg).startsWith("request failed"));
    expect(failed.map((l) => `${l.method} ${l.path} ${l.status} ${l.code}`), text).toEqual([
      "GET /api/messages 401 UNAUTHENTICATED",
      "POST /api/webhooks/calls 401 INVALID_SIGNATURE",
    ]);
    expect(failed[1]!.webhook).toBe("calls");
    const deadLetters = log.filter((l) => String(l.msg).startsWith("dead letter"));
    expect(deadLetters, text).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ level: "warn", messageId: dead.message.id, clientId, channel: "sms" });
    const providerFailures = log.filter((l) => String(l.msg).startsWith("provider send failed"));
    expect(providerFailures, text).toHaveLength(1);
    expect(providerFailures[0]).toMatchObject({ provider: "sandbox", errorClass: "recipient", messageId: dead.message.id });
    expect(log, `nothing else was logged for ${log.length} lines:\n${text}`).toHaveLength(4);
  } finally {
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
  }
  const tail = jsonLines(lines.slice(-2)).map((l) => l.msg);
  expect(tail).toEqual(["stopping (finishing in-flight sends)", "stopped"]);
});
