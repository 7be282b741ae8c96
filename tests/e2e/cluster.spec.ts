// Two server.ts replicas on one PostgreSQL with REALTIME_CLUSTER=true: the console open on
// replica A (an API-only replica, no worker) shows live a message that replica B accepted
// and whose worker sent it. Ports E2E_PORT + 30 and + 31, a database of the spec's own.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";
import { ADMIN, expectNoReload, logIn, markNoReload, row } from "./console-helpers";
import { E2E_PORT, startHerald, type HeraldServer } from "./herald-process";

const A = E2E_PORT + 30;
const B = E2E_PORT + 31;
test.use({ baseURL: `http://127.0.0.1:${A}` });

let database: TestDatabase | undefined;
const servers: HeraldServer[] = [];
test.afterAll(async () => {
  for (const s of servers) await s.stop();
  await database?.destroy();
});

async function post(request: APIRequestContext, url: string, data: unknown) {
  const res = await request.post(url, { headers: ADMIN, data });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

test("a browser on one replica sees, live, what another replica sent", async ({ page, request }) => {
  test.setTimeout(120_000);
  database = await createTestDatabase("postgres");
  servers.push(await startHerald(A, database.url, { REALTIME_CLUSTER: "true", WORKER_ENABLED: "false" }));
  servers.push(await startHerald(B, database.url, { REALTIME_CLUSTER: "true" }));

  const { client } = await post(request, `http://127.0.0.1:${B}/api/clients`, { name: `Cluster Clinic ${Date.now()}`, timezone: "UTC" });
  await logIn(page, `/messages?clientId=${client.id}`);
  await markNoReload(page);

  const { message } = await post(request, `http://127.0.0.1:${B}/api/messages`, { clientId: client.id, channel: "sms", to: "+15557770100", body: "Sent by replica B" });
  // A has no worker: only B's worker can send it, and only the adapter can tell A's page.
  await expect(row(page, message.id)).toBeVisible({ timeout: 15_000 });
  await expect(row(page, message.id).getByText("delivered")).toBeVisible({ timeout: 15_000 });
  await expect(page.locator(`[data-testid="activity-item"][data-id="${message.id}"][data-event="delivered"]`)).toBeVisible();
  await expectNoReload(page);
});
