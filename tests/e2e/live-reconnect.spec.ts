// The console survives a server restart: the live indicator goes "Reconnecting…" then "Live",
// and what happened while the page was not listening shows up without a reload. The spec runs a
// server.ts of its own (port E2E_PORT + 10, its own database) so that it can stop and restart it.
import { expect, test } from "@playwright/test";
import { SCREENSHOTS, createClient, enqueue, expectNoReload, logIn, markNoReload, row, tabCount } from "./console-helpers";
import { E2E_PORT, dbFileFor, freshDatabase, startHerald, type HeraldServer } from "./herald-process";

const PORT = E2E_PORT + 10;
test.use({ baseURL: `http://127.0.0.1:${PORT}` });

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const SOCKET = "**/socket.io/**";

let server: HeraldServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test("after a server restart the page reconnects and shows what it missed, without a reload", async ({ page, request }) => {
  test.setTimeout(120_000);
  const databaseUrl = await freshDatabase(dbFileFor(`e2e-reconnect-${PORT}`));
  server = await startHerald(PORT, databaseUrl);
  const client = await createClient(request, "Reconnect Clinic");
  // Scheduled hours ahead: no worker event ever mentions these, so only a refetch can show them.
  const before = await enqueue(request, { clientId: client.id, to: "+15551234100", scheduledFor: inHours(2), body: "Before the restart" });

  await logIn(page, `/messages?clientId=${client.id}`);
  await expect(row(page, before.id)).toBeVisible();
  await markNoReload(page);
  const indicator = page.getByTestId("live-indicator");

  const stopped = server.stop();
  await expect(indicator).toHaveText("Reconnecting…");
  await page.screenshot({ path: `${SCREENSHOTS}/messages-reconnecting.png`, fullPage: true });
  // A graceful stop although a browser holds a socket and kept-alive connections.
  expect(await stopped).toBe(0);

  // Keep the page's socket away from the new server until the messages it will have missed exist.
  await page.route(SOCKET, (route) => route.abort());
  server = await startHerald(PORT, databaseUrl);
  const missed = [];
  for (let i = 0; i < 3; i++) missed.push(await enqueue(request, { clientId: client.id, to: `+1555123420${i}`, scheduledFor: inHours(3), body: `While away ${i}` }));
  await expect(indicator).toHaveText("Reconnecting…");
  await expect(row(page, missed[0]!.id)).toHaveCount(0);

  await page.unroute(SOCKET);
  await expect(indicator).toHaveText("Live", { timeout: 15_000 });
  for (const m of missed) await expect(row(page, m.id)).toBeVisible();
  await expect(tabCount(page, "all")).toHaveText("4");
  await expect(tabCount(page, "scheduled")).toHaveText("4");
  await expectNoReload(page);
  await page.screenshot({ path: `${SCREENSHOTS}/messages-reconnected.png`, fullPage: true });
});
