// A crash never sends a batch twice in silence. A worker process sending 2,000 SMS through
// the real HTTP gateway provider to a local gateway that counts sends per message is killed
// with SIGKILL mid-run (and, on PostgreSQL, has its database connections terminated);
// after a restart every message ends in one end state, at most WORKER_CONCURRENCY were
// sent twice, and each of those is flagged possibleDuplicate with an `unknown` attempt.
// The gateway sees the same Idempotency-Key (the message id) on both sends.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { enqueueBatch } from "../../lib/queue/enqueue";
import { DIALECTS, createTestDatabase, PG_BASE, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

const root = path.resolve(import.meta.dirname, "../..");
const N = 2000;
const CONCURRENCY = 10;

interface Gateway { url: string; sends: Map<string, string[]>; total: () => number; close(): Promise<void> }

/** A gateway that answers after 10 ms, recording each send's Idempotency-Key per message. */
async function startSlowGateway(): Promise<Gateway> {
  const sends = new Map<string, string[]>();
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const { messageId } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { messageId: string };
      const list = sends.get(messageId) ?? [];
      list.push(String(req.headers["idempotency-key"] ?? ""));
      sends.set(messageId, list);
      n += 1;
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `gw-${n}` })), 10);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/send`, sends, total: () => n, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

function startWorker(url: string, gateway: Gateway): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/helpers/gateway-worker-process.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, SMS_HTTP_URL: gateway.url, SMS_HTTP_TOKEN: "t", WORKER_CONCURRENCY: String(CONCURRENCY), LEASE_MS: "1500" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A check may fail while the database connections are being terminated: look again.
    if (await Promise.resolve(check()).catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", () => resolve())));

async function assertNoSilentDuplicates(t: TestDatabase, gateway: Gateway) {
  const byStatus = await t.db.message.groupBy({ by: ["status"], _count: { _all: true } });
  assert.deepEqual(byStatus.map((s) => [s.status, s._count._all]), [["sent", N]], "every message sent, none stuck or lost");
  const twice = [...gateway.sends].filter(([, keys]) => keys.length > 1);
  assert.equal(gateway.sends.size, N, "the gateway saw every message");
  assert.ok(twice.length <= CONCURRENCY, `${twice.length} messages sent twice; at most ${CONCURRENCY} (the sends in flight) may be`);
  for (const [id, keys] of twice) {
    const m = await t.db.message.findUniqueOrThrow({ where: { id }, include: { attempt: true } });
    assert.equal(m.possibleDuplicate, true, `${id} was sent twice and must be flagged`);
    assert.ok(m.attempt.some((a) => a.outcome === "unknown"), `${id} has an unknown attempt`);
    assert.deepEqual(new Set(keys), new Set([id]), "the same Idempotency-Key (the message id) on every send");
  }
  const flagged = await t.db.message.count({ where: { possibleDuplicate: true } });
  assert.ok(flagged <= CONCURRENCY, `${flagged} flagged; at most one per runner`);
  return { twice: twice.length, flagged };
}

for (const dialect of DIALECTS) {
  describe(`sends survive a crash without silent duplicates (${dialect})`, () => {
    let t: TestDatabase;
    let gateway: Gateway;
    let clientId: string;
    before(async () => {
      t = await createTestDatabase(dialect);
      clientId = (await makeClient(t.db)).client.id;
      gateway = await startSlowGateway();
      await enqueueBatch(t, Array.from({ length: N }, (_, i) => ({ clientId, channel: "sms", to: `+1555600${String(i).padStart(4, "0")}`, body: `crash ${i}` })), { maxAttempts: 3, allowClient: () => true });
    });
    after(async () => {
      await gateway.close();
      await t.destroy();
    });

    test("SIGKILL mid-run, restart: every message sent, duplicates only among the sends in flight, each flagged", async () => {
      const first = startWorker(t.url, gateway);
      assert.ok(await until(() => gateway.total() >= 500, 30_000), "the first worker sent 500");
      first.kill("SIGKILL");
      await exited(first);
      const second = startWorker(t.url, gateway);
      const done = await until(async () => (await t.db.message.count({ where: { status: "sent" } })) === N, 60_000);
      second.kill("SIGTERM");
      await exited(second);
      assert.ok(done, "all sent after the restart");
      const { twice, flagged } = await assertNoSilentDuplicates(t, gateway);
      console.log(`# ${dialect} SIGKILL: sent twice ${twice}, flagged ${flagged} (of ${N})`);
    });

    if (dialect === "postgres") {
      test("the database connections terminated mid-run: the same guarantees", async () => {
        await t.db.message.deleteMany({});
        gateway.sends.clear();
        await enqueueBatch(t, Array.from({ length: N }, (_, i) => ({ clientId, channel: "sms", to: `+1555610${String(i).padStart(4, "0")}`, body: `cut ${i}` })), { maxAttempts: 3, allowClient: () => true });
        const start = gateway.total();
        const worker = startWorker(t.url, gateway);
        assert.ok(await until(() => gateway.total() - start >= 500, 30_000), "the worker sent 500");
        const name = new URL(t.url).pathname.slice(1);
        const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
        await admin.connect();
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
        await admin.end();
        const done = await until(async () => (await t.db.message.count({ where: { status: "sent" } })) === N, 60_000);
        worker.kill("SIGTERM");
        await exited(worker);
        assert.ok(done, "all sent after the connections came back");
        const { twice, flagged } = await assertNoSilentDuplicates(t, gateway);
        console.log(`# postgres terminated backends: sent twice ${twice}, flagged ${flagged} (of ${N})`);
      });
    }
  });
}
