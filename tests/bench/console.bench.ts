// The console benchmark (`npm run bench:console`; bench/CONSOLE.md says what each figure means).
// 100,000 messages in a fresh SQLite database, a production server.ts of its own on it, Chromium:
// (a) first loads of /messages, (b) every tab switch, (c) 200 live events a second for 10 s from
// real messages going through the worker, with in-page responsiveness and tab clicks during it.
import os from "node:os";
import { execSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { MESSAGE_TABS, tabStatuses, type MessageTab } from "../../components/messages/message-filter";
import { ADMIN, tabCount } from "../e2e/console-helpers";
import { E2E_PORT, ROOT, dbFileFor, freshDatabase, startHerald, type HeraldServer } from "../e2e/herald-process";
import { formatTable, summarize, writeResults, type Figure } from "./figures";
import { EVENTS_PER_MESSAGE, countEvents, enqueueAtRate } from "./live-load";
import { documentServerMs, isListRequest, isServerWork, recordRequests, startResponsivenessProbe, stopResponsivenessProbe, switchTab } from "./page-probes";
import { seedMessages } from "./seed-messages";

const N = Number(process.env.BENCH_CONSOLE_N ?? 100_000);
const EVENTS_PER_SECOND = Number(process.env.BENCH_CONSOLE_EVENTS ?? 200);
const LIVE_SECONDS = 10;
const LOADS = 5;
const ROUNDS = 3;
const SERVER_MS_TARGET = 500;
const PORT = E2E_PORT + 20;
test.use({ baseURL: `http://127.0.0.1:${PORT}` });

const statusParam = (tab: MessageTab) => tabStatuses(tab)?.join(",") ?? null;
/** Tabs in the order of a round, ending where the page starts (All), so each click changes tab. */
const ROUND: MessageTab[] = [...MESSAGE_TABS.slice(1), "all"];

let server: HeraldServer | undefined;
test.afterAll(async () => {
  await server?.stop();
});

test(`console with ${N.toLocaleString("en-US")} messages`, async ({ page }) => {
  const seedStarted = Date.now();
  const databaseUrl = await freshDatabase(dbFileFor(`bench-console-${PORT}`));
  const seeded = await seedMessages(databaseUrl, N);
  const seedMs = Date.now() - seedStarted;
  server = await startHerald(PORT, databaseUrl);
  expect((await page.request.post("/api/auth/login", { data: { password: "e2e-password" } })).ok()).toBe(true);
  const requests = recordRequests(page);
  const figures: Figure[] = [];
  const add = (name: string, unit: Figure["unit"], values: number[], target?: Figure["target"]) => figures.push({ name, unit, summary: summarize(values), target });

  // (a) First load of /messages: the document and the API calls the page makes.
  const documentMs: number[] = [];
  const pathMs = new Map<string, number[]>();
  const criticalMs: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    const started = Date.now();
    await page.goto("/messages");
    await expect(page.getByTestId("message-row").first()).toBeVisible();
    await expect(tabCount(page, "all")).toHaveText(/\d/);
    await page.waitForLoadState("networkidle");
    const doc = await documentServerMs(page);
    const apis = requests.since(started).filter((r) => r.url.startsWith("/api/"));
    criticalMs.push(doc + Math.max(0, ...apis.map((r) => r.serverMs)));
    if (i === 0) continue;
    documentMs.push(doc);
    for (const r of apis) {
      const key = r.url.split("?")[0]!;
      pathMs.set(key, [...(pathMs.get(key) ?? []), r.serverMs]);
    }
  }
  // The load right after the server started (cold: first compile of each route, empty caches) apart.
  add("first load right after server start: document + slowest API (server)", "ms", criticalMs.slice(0, 1));
  add("first load: document + slowest API call (server)", "ms", criticalMs.slice(1), { max: SERVER_MS_TARGET, of: "max" });
  add("first load: GET /messages document (server)", "ms", documentMs);
  for (const [path, values] of pathMs) add(`first load: GET ${path} (server)`, "ms", values);

  // (b) Tab switches: the requests each click causes (page payload, list), summed.
  const switchServer = new Map<MessageTab, number[]>();
  const switchWall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const tab of ROUND) {
      const started = Date.now();
      switchWall.push(await switchTab(page, tab, statusParam(tab)));
      await expect.poll(() => requests.since(started).some((r) => isListRequest(tab, r, statusParam(tab)))).toBe(true);
      const total = requests.since(started).filter(isServerWork).reduce((sum, r) => sum + r.serverMs, 0);
      switchServer.set(tab, [...(switchServer.get(tab) ?? []), total]);
    }
  }
  for (const [tab, values] of switchServer) add(`tab switch → ${tab}: requests it causes (server, summed)`, "ms", values, { max: SERVER_MS_TARGET, of: "max" });
  add("tab switch: click → rows on screen (wall, idle page)", "ms", switchWall);

  // The same probes on the idle page first: what this machine gives when nothing happens.
  await startResponsivenessProbe(page);
  await page.waitForTimeout(3_000);
  const idle = await stopResponsivenessProbe(page);
  add("idle: 50 ms heartbeat lateness", "ms", idle.heartbeatLateMs);
  add("idle: long tasks (> 50 ms) in the page", "ms", idle.longTasksMs);

  // (c) Live load on the All tab, with tab clicks during it.
  const perSecond = EVENTS_PER_SECOND / EVENTS_PER_MESSAGE;
  const counter = countEvents(server.url, ADMIN.Authorization.replace("Bearer ", ""));
  await counter.connected();
  await startResponsivenessProbe(page);
  const clientIds = seeded.clientIds;
  const load = enqueueAtRate(page.request, ADMIN, clientIds, perSecond, LIVE_SECONDS);
  const clickMs: number[] = [];
  const liveStarted = Date.now();
  await page.waitForTimeout(1_000);
  while (Date.now() - liveStarted < (LIVE_SECONDS - 1) * 1000) {
    for (const tab of ["failed", "sent", "all"] as MessageTab[]) clickMs.push(await switchTab(page, tab, statusParam(tab)));
    await page.waitForTimeout(500);
  }
  const enqueued = await load;
  await page.waitForTimeout(2_000); // the last messages are sent and delivered
  const probe = await stopResponsivenessProbe(page);
  const liveRequests = requests.since(liveStarted).filter(isServerWork);
  const events = counter.stop();
  add(`live: queue:message events received a second (target rate ${EVENTS_PER_SECOND})`, "/s", events.slice(1, LIVE_SECONDS));
  add("live: POST /api/messages/batch (wall, from the test)", "ms", enqueued.postMs);
  add("live: tab click → rows on screen (wall)", "ms", clickMs, { max: 1_000, of: "p95" });
  add("live: requests the page made to the server (server time each)", "ms", liveRequests.map((r) => r.serverMs));
  add("live: 50 ms heartbeat lateness", "ms", probe.heartbeatLateMs, { max: 100, of: "p95" });
  add("live: long tasks (> 50 ms) in the page", "ms", probe.longTasksMs);
  add("live: gap between animation frames", "ms", probe.frameGapsMs);

  const table = formatTable(figures);
  const context = {
    messages: N, seededIn: `${(seedMs / 1000).toFixed(1)} s`, seeded: seeded.byState, liveMessagesEnqueued: enqueued.enqueued,
    commit: execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim(), cpus: os.cpus().length, node: process.version,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(" "), at: new Date().toISOString(),
  };
  console.log(`\nHerald console bench: ${JSON.stringify(context)}\n\n${table}\n`);
  const file = writeResults(ROOT, { context, figures });
  console.log(`written to ${file}`);
  expect(enqueued.enqueued).toBe(perSecond * LIVE_SECONDS);
});
