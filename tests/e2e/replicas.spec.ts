// Herald at scale: three server.ts replicas on one PostgreSQL database, each with its worker
// thread and REALTIME_CLUSTER on. 5,000 SMS are enqueued through all three (the generic HTTP
// gateway double counts what each replica sent, by the URL path it was given), one replica
// is SIGKILLed mid-run, and a socket client connected to the first replica hears the sends
// of all three. Ports E2E_PORT + 50, + 51, + 52.
import { expect, test } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, MessageEventPayload, ServerToClientEvents } from "../../lib/realtime/contract";
import { evaluateCrash } from "../helpers/crash-counts";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";
import { startCountingGateway, type CountingGateway } from "../helpers/doubles/counting-gateway-double";
import { GATEWAY_TOKEN } from "../helpers/doubles/http-gateway-double";
import { startKillableHerald, type KillableHerald } from "../helpers/killable-herald";
import { E2E_PORT, heraldEnv } from "./herald-process";

const TOTAL = 5_000;
const KILL_AFTER = 1_500;
const CONCURRENCY = 10;
const NAMES = ["a", "b", "c"] as const;
const ADMIN_KEY = heraldEnv(0, "").ADMIN_API_KEY!;
const HEADERS = { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" };
type HeraldSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let database: TestDatabase | undefined;
let gateway: CountingGateway | undefined;
const servers: KillableHerald[] = [];
test.afterAll(async () => {
  for (const s of servers) await s.stop();
  await gateway?.close();
  await database?.destroy();
});

async function post(base: string, path: string, body: unknown) {
  const res = await fetch(base + path, { method: "POST", headers: HEADERS, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`POST ${path} on ${base} → ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

const until = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
};

test("three replicas share one queue: each message sent once (a killed replica's in-flight sends flagged), and one socket hears them all", async () => {
  test.setTimeout(300_000);
  database = await createTestDatabase("postgres");
  gateway = await startCountingGateway({ minDelayMs: 5, maxDelayMs: 20 });
  const env = (name: string) => ({
    REALTIME_CLUSTER: "true", SMS_PROVIDERS: "http", SMS_HTTP_TOKEN: GATEWAY_TOKEN, SMS_HTTP_URL: `${gateway!.url}/${name}`,
    WORKER_CONCURRENCY: String(CONCURRENCY), WORKER_LEASE_MS: "3000", WORKER_INTERVAL_MS: "250",
  });
  for (const [i, name] of NAMES.entries()) servers.push(await startKillableHerald(E2E_PORT + 50 + i, database.url, env(name)));
  const [a, b, c] = servers as [KillableHerald, KillableHerald, KillableHerald];

  const socket: HeraldSocket = io(a.url, { transports: ["websocket"], auth: { token: ADMIN_KEY } });
  await new Promise<void>((resolve, reject) => socket.on("connect", resolve).on("connect_error", reject));
  const heard = new Set<string>();
  socket.on("queue:message:sent", (p: MessageEventPayload) => heard.add(p.messageId));

  try {
    const { client } = await post(b.url, "/api/clients", { name: "Replica Clinic", timezone: "UTC", smsFrom: "+15550004444" });
    const ids: string[] = [];
    // 250 per batch, round robin over the three replicas.
    for (let start = 0, k = 0; start < TOTAL; start += 250, k++) {
      const messages = Array.from({ length: 250 }, (_, j) => ({ clientId: client.id, channel: "sms", to: `+1555${String(start + j).padStart(6, "0")}3`, body: `replica test ${start + j}` }));
      const { results } = await post(servers[k % 3]!.url, "/api/messages/batch", { messages });
      for (const r of results as { message?: { id: string } }[]) ids.push(r.message!.id);
    }
    expect(ids).toHaveLength(TOTAL);

    expect(await until(() => gateway!.sends.length >= KILL_AFTER, 60_000), "sends reached the gateway").toBe(true);
    await c.kill9();

    const ended = await until(async () => (await database!.db.message.count({ where: { status: "sent" } })) === TOTAL, 180_000);
    expect(ended, "every message sent").toBe(true);
    await new Promise((r) => setTimeout(r, 1_000));

    const counts = await evaluateCrash(database, gateway, ids, async (id) => {
      const res = await fetch(`${a.url}/api/messages/${id}`, { headers: HEADERS });
      return { status: res.status, json: await res.json() };
    });
    expect(counts.missing).toBe(0);
    expect(counts.notEnded).toBe(0);
    expect(counts.sentButNeverReceived).toBe(0);
    // Only the killed replica's sends in flight can have gone twice, each flagged, each with one key.
    expect(counts.sentTwice).toBeLessThanOrEqual(CONCURRENCY);
    expect(counts.sentThreeTimesOrMore).toBe(0);
    expect(counts.flagged).toBe(counts.sentTwice);
    expect(counts.unstableKeys).toBe(0);
    expect(counts.sendsWithoutKey).toBe(0);

    const byReplica = Object.fromEntries(NAMES.map((n) => [n, gateway!.sends.filter((s) => s.path.endsWith(`/${n}`)).length]));
    for (const n of NAMES) expect(byReplica[n], `replica ${n} sent some (${JSON.stringify(byReplica)})`).toBeGreaterThan(0);

    // The socket on replica A hears every send, whichever replica made it; the killed one may
    // have committed a few (its runners' last outcomes) without living to announce them.
    await until(() => heard.size >= TOTAL - CONCURRENCY, 20_000);
    expect(heard.size).toBeGreaterThanOrEqual(TOTAL - CONCURRENCY);
    console.log(`  replicas: sends per replica ${JSON.stringify(byReplica)}; sent twice ${counts.sentTwice} (flagged ${counts.flagged}); socket on A heard ${heard.size} of ${TOTAL}`);
  } finally {
    socket.close();
  }
});
