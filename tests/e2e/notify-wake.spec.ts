// On PostgreSQL an enqueue on one replica wakes the worker thread of another at once
// (LISTEN/NOTIFY, lib/db/notify.ts), instead of at its next poll. Replica A has no worker;
// B polls once a minute. Ports E2E_PORT + 60 and + 61.
import { expect, test } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";
import { ADMIN } from "./console-helpers";
import { E2E_PORT, startHerald, type HeraldServer } from "./herald-process";

const A = `http://127.0.0.1:${E2E_PORT + 60}`;
let database: TestDatabase | undefined;
const servers: HeraldServer[] = [];
test.afterAll(async () => {
  for (const s of servers) await s.stop();
  await database?.destroy();
});

test("an enqueue on an API-only replica is sent by another replica's worker within seconds, not at its next poll", async ({ request }) => {
  test.setTimeout(90_000);
  database = await createTestDatabase("postgres");
  servers.push(await startHerald(E2E_PORT + 60, database.url, { WORKER_ENABLED: "false" }));
  servers.push(await startHerald(E2E_PORT + 61, database.url, { WORKER_INTERVAL_MS: "60000" }));
  const { client } = await (await request.post(`${A}/api/clients`, { headers: ADMIN, data: { name: "Wake Clinic", timezone: "UTC" } })).json();
  await new Promise((r) => setTimeout(r, 1_500)); // B's first poll is behind it
  const { message } = await (await request.post(`${A}/api/messages`, { headers: ADMIN, data: { clientId: client.id, channel: "sms", to: "+15557770123", body: "wake up" } })).json();
  await expect.poll(async () => (await (await request.get(`${A}/api/messages/${message.id}`, { headers: ADMIN })).json()).message.status, { timeout: 10_000 }).not.toMatch(/pending|processing/);
});
