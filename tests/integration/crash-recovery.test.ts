// A worker process killed mid-run loses nothing: after a restart every message
// reaches an end state. A SIGTERM'd worker finishes its batch and exits 0.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { enqueueBatch } from "../../lib/queue/enqueue";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

const root = path.resolve(import.meta.dirname, "../..");

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/helpers/worker-process.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, LEASE_MS: "1000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

describe("worker process crash and shutdown (SQLite file)", () => {
  let t: TestDatabase;
  let clientId: string;
  before(async () => {
    t = await createTestDatabase("sqlite");
    clientId = (await makeClient(t.db)).client.id;
  });
  after(async () => t.destroy());

  test("kill -9 mid-run, restart: every message reaches an end state, none lost", async () => {
    const N = 400;
    await enqueueBatch(t, Array.from({ length: N }, (_, i) => ({ clientId, channel: "sms", to: `+1555400${1000 + i}`, body: `crash ${i}` })), { maxAttempts: 3, allowClient: () => true });
    const first = startWorker(t.url);
    const started = await until(async () => (await t.db.message.count({ where: { status: { in: ["sent", "delivered"] } } })) >= 40, 20_000);
    assert.ok(started, "the first worker sent something");
    first.kill("SIGKILL");
    await exited(first);
    const done = await t.db.message.count({ where: { status: { in: ["sent", "delivered"] } } });
    assert.ok(done < N, `the kill should land mid-run (${done}/${N} done)`);

    const second = startWorker(t.url);
    // Sent is an end state too: delivery reports the sandbox held in the killed process are gone with it.
    const finished = await until(async () => (await t.db.message.count({ where: { status: { in: ["sent", "delivered"] } } })) === N, 30_000);
    second.kill("SIGTERM");
    assert.equal(await exited(second), 0);
    const byStatus = await t.db.message.groupBy({ by: ["status"], _count: { _all: true } });
    assert.ok(finished, `all ${N} sent or delivered; got ${JSON.stringify(byStatus)}`);
    assert.equal(await t.db.message.count({ where: { leaseOwner: { not: null } } }), 0);
  });

  test("SIGTERM lets the batch in flight finish and exits 0 with nothing left processing", async () => {
    await enqueueBatch(t, Array.from({ length: 200 }, (_, i) => ({ clientId, channel: "sms", to: `+1555500${1000 + i}`, body: `term ${i}` })), { maxAttempts: 3, allowClient: () => true });
    const child = startWorker(t.url);
    await until(async () => (await t.db.message.count({ where: { body: { startsWith: "term" }, status: { in: ["sent", "delivered"] } } })) >= 20, 20_000);
    child.kill("SIGTERM");
    assert.equal(await exited(child), 0);
    assert.equal(await t.db.message.count({ where: { status: "processing" } }), 0, "a graceful stop leaves no message leased");
  });
});
