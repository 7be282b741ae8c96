// 7. Conversations through HTTP: the real server.ts (worker on) on a database seeded with
// the inbox's data (bench/conversations-seed.ts). (b) The inbox's reads as the console makes
// them: the first page (plain, one client, unread only, a search), a conversation's detail
// and mark-read, each timed at the client over loopback. (a) Widget sends at a fixed rate
// (open loop), as the widget makes them (POST /api/v1/widget/send with its widget token),
// timed from the request's start to the provider's send() call in the server's worker, read
// from the message's attempt row: send() began at createdAt − durationMs (the worker's clock,
// the same clock as the bench's Date.now(): about ±1 ms from the rows' millisecond times).
import { Agent, request } from "node:http";
import { openDatabase } from "../lib/db/client";
import { runWrites } from "../lib/db/direct";
import { sql } from "../lib/db/sql";
import { perSecond, sleep, summarize, waitFor, type Summary } from "./measure";
import { anyFreePort, peakRssKb, portIsFree, processCpuMs, serverPidOf } from "./processes";
import { ADMIN_KEY, call, startServer, stopServer, waitHealthy, type ServerSettings } from "./server-process";
import { seedConversations, SURNAMES, type SeededConversation } from "./conversations-seed";

export interface ConversationsSettings extends ServerSettings {
  conversations: number;
  messages: number;
  /** Widget sends per second and for how long; 0 s leaves the widget part out (PostgreSQL by default). */
  widgetRate: number;
  widgetSeconds: number;
  /** Timed requests per read. */
  repeats: number;
}

export interface ReadFigure { label: string; route: string; ms: Summary; rows: number }

export interface WidgetFigure {
  rate: number;
  posted: number;
  accepted: number;
  rejected: number;
  stoppedEarly: boolean;
  acceptedPerSecond: number;
  requestMs: Summary;
  /** Request start → provider send() called, per accepted send. */
  toSendMs: Summary;
  /** The answer's arrival → provider send() called: the queue and the worker's part (negative: sent before the answer arrived). */
  answerToSendMs: Summary;
  /** Accepted sends with no provider call within 30 s of the last request. */
  unsent: number;
  /** CPU of the server process (API and worker threads) per accepted send, from /proc. */
  serverCpuMsPerSend: number | null;
}

export interface ConversationsResult {
  conversations: number;
  messages: number;
  inbound: number;
  seedMs: number;
  reads: ReadFigure[];
  widget?: WidgetFigure;
  serverPeakRssKb: number | null;
  error?: string;
}

// Kept-alive connections; the widget part starts on a fresh pool (a socket left idle past the
// server's keep-alive timeout is reset on reuse, which would count as a rejected send).
let agent = new Agent({ keepAlive: true, maxSockets: 64 });
let firstRejection: string | undefined;

/** One request on a kept-alive connection; resolves with the status, the parsed body and the time to the last byte. */
function send(base: string, method: string, route: string, key: string, body?: unknown): Promise<{ status: number; json: any; ms: number }> {
  const raw = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(base + route, {
      method, agent,
      headers: { authorization: `Bearer ${key}`, ...(raw !== undefined && { "content-type": "application/json", "content-length": Buffer.byteLength(raw) }) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        let json: unknown = text;
        try { json = JSON.parse(text); } catch { /* not JSON: kept as text */ }
        resolve({ status: res.statusCode ?? 0, json, ms: performance.now() - started });
      });
    });
    req.on("error", reject);
    req.end(raw);
  });
}

async function timeRead(base: string, label: string, routes: (k: number) => { method?: string; route: string }, repeats: number): Promise<ReadFigure> {
  const times: number[] = [];
  let rows = 0;
  for (let k = -3; k < repeats; k++) { // 3 warm-up requests load the route bundle
    const { method = "GET", route } = routes(k + 3);
    const r = await send(base, method, route, ADMIN_KEY, method === "POST" ? {} : undefined);
    if (r.status !== 200) throw new Error(`${method} ${route} answered ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
    if (k < 0) continue;
    times.push(r.ms);
    rows = r.json.conversations?.length ?? r.json.messages?.length ?? 1;
  }
  return { label, route: routes(0).route, ms: summarize(times), rows };
}

async function measureReads(base: string, clientId: string, conv: SeededConversation[], repeats: number): Promise<ReadFigure[]> {
  const pick = (k: number) => conv[(k * 997) % conv.length]!.id;
  const list = (query: string) => () => ({ route: `/api/conversations?${query}` });
  return [
    await timeRead(base, "first page, limit 50", list("limit=50"), repeats),
    await timeRead(base, "first page of one client (clientId=)", list(`clientId=${clientId}&limit=50`), repeats),
    await timeRead(base, "unread only (unread=true)", list("unread=true&limit=50"), repeats),
    await timeRead(base, `search by a customer's name (q=${SURNAMES[3]})`, list(`q=${SURNAMES[3]}&limit=50`), repeats),
    await timeRead(base, "search matching nothing (q=zqxj, every row looked at)", list("q=zqxj&limit=50"), repeats),
    await timeRead(base, "conversation detail (GET /api/conversations/:id)", (k) => ({ route: `/api/conversations/${pick(k)}` }), repeats),
    await timeRead(base, "mark read (POST /api/conversations/:id/read)", (k) => ({ method: "POST", route: `/api/conversations/${pick(k + 5000)}/read` }), repeats),
  ];
}

/** Widget sends at `rate`/s, open loop, each with its conversation's widget token; then their attempt rows. */
async function measureWidget(serverPid: () => number, base: string, databaseUrl: string, clientId: string, apiKey: string, conv: SeededConversation[], s: ConversationsSettings, say: (line: string) => void): Promise<WidgetFigure> {
  const widgets = conv.filter((c) => c.clientId === clientId && c.channel === "sms").slice(0, 50);
  const tokens: string[] = [];
  for (const c of widgets) {
    const r = await send(base, "POST", "/api/v1/widget/token", apiKey, { conversationId: c.id });
    if (r.status !== 200 && r.status !== 201) throw new Error(`POST /api/v1/widget/token answered ${r.status}: ${JSON.stringify(r.json)}`);
    tokens.push(r.json.token);
  }
  const post = (i: number) => {
    const w = i % widgets.length;
    return send(base, "POST", "/api/v1/widget/send", tokens[w]!, { conversationId: widgets[w]!.id, tenantId: clientId, integrationId: "sms", text: `Bench widget #${i}`, messageId: `bench-${i}` });
  };
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 64 });
  for (let i = 0; i < 20; i++) await post(1_000_000 + i); // warm-up (sent too, not timed)
  await sleep(500);
  const total = s.widgetRate * s.widgetSeconds;
  say(`  7a posting ${total.toLocaleString("en-US")} widget sends at ${s.widgetRate}/s (widget tokens, ${widgets.length} conversations)...`);
  const startedAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const requestMs: number[] = [];
  const result: WidgetFigure = { rate: s.widgetRate, posted: 0, accepted: 0, rejected: 0, stoppedEarly: false, acceptedPerSecond: 0, requestMs: summarize([]), toSendMs: summarize([]), answerToSendMs: summarize([]), unsent: 0, serverCpuMsPerSend: null };
  const cpu0 = processCpuMs(serverPid());
  const inFlight = new Set<Promise<void>>();
  const wallStart = new Date(Date.now() - 1000);
  const t0 = performance.now();
  const intervalMs = 1000 / s.widgetRate;
  let i = 0;
  while (i < total) {
    if (inFlight.size > s.widgetRate * 2) { result.stoppedEarly = true; break; }
    const due = Math.min(total, Math.floor((performance.now() - t0) / intervalMs) + 1);
    for (; i < due; i++) {
      const wall = Date.now();
      const p = post(i).then((r) => {
        requestMs.push(r.ms);
        if (r.status === 200 && r.json?.messageId) {
          result.accepted += 1;
          startedAt.set(r.json.messageId, wall);
          answeredAt.set(r.json.messageId, Date.now());
        } else {
          result.rejected += 1;
          firstRejection ??= `${r.status} ${JSON.stringify(r.json).slice(0, 300)}`;
        }
      }, (err) => { result.rejected += 1; firstRejection ??= String(err); });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    if (i < total) await sleep(Math.max(0, t0 + i * intervalMs - performance.now()));
  }
  result.posted = i;
  await Promise.all(inFlight);
  const cpu1 = processCpuMs(serverPid());
  if (cpu0 !== null && cpu1 !== null && result.accepted) result.serverCpuMsPerSend = (cpu1 - cpu0) / result.accepted;
  result.acceptedPerSecond = perSecond(result.accepted, performance.now() - t0);
  result.requestMs = summarize(requestMs);
  if (firstRejection) say(`     first rejected request: ${firstRejection}`);

  const database = await openDatabase(databaseUrl);
  try {
    const attempts = async () => database.db.messageAttempt.findMany({ where: { attempt: 1, createdAt: { gte: wallStart }, message: { clientId } }, select: { messageId: true, createdAt: true, durationMs: true } });
    let rows = await attempts();
    await waitFor(async () => (rows = await attempts()).filter((a) => startedAt.has(a.messageId)).length >= startedAt.size, 30_000, 250);
    const mine = rows.filter((a) => startedAt.has(a.messageId));
    const sendAt = (a: (typeof mine)[number]) => a.createdAt.getTime() - a.durationMs;
    const toSend = mine.map((a) => sendAt(a) - startedAt.get(a.messageId)!);
    result.toSendMs = summarize(toSend);
    result.answerToSendMs = summarize(mine.map((a) => sendAt(a) - answeredAt.get(a.messageId)!));
    result.unsent = startedAt.size - toSend.length;
  } finally {
    await database.close();
  }
  return result;
}

export async function runConversationsPhase(settings: ConversationsSettings, say: (line: string) => void): Promise<ConversationsResult> {
  const s = (await portIsFree(settings.port)) ? settings : { ...settings, port: await anyFreePort() };
  const base = `http://127.0.0.1:${s.port}`;
  const result: ConversationsResult = { conversations: 0, messages: 0, inbound: 0, seedMs: 0, reads: [], serverPeakRssKb: null };
  const server = startServer(s);
  const serverPid = () => serverPidOf(server.child.pid!);
  try {
    await waitHealthy(server, base);
    const clients: { id: string; apiKey: string }[] = [];
    for (let k = 0; k < 5; k++) {
      const r = await call(base, "POST", "/api/clients", ADMIN_KEY, { name: `Bench Inbox ${k + 1}`, timezone: "UTC", smsFrom: `+1555000410${k}` });
      if (r.status !== 201) throw new Error(`POST /api/clients answered ${r.status}: ${JSON.stringify(r.json)}`);
      const { client, apiKey } = r.json as { client: { id: string }; apiKey: string };
      clients.push({ id: client.id, apiKey });
    }
    say(`  7  seeding ${s.conversations.toLocaleString("en-US")} conversations and ${s.messages.toLocaleString("en-US")} messages...`);
    const database = await openDatabase(s.databaseUrl);
    let conv: SeededConversation[];
    try {
      const seeded = await seedConversations(database, clients.map((c) => c.id), s.conversations, s.messages);
      conv = seeded.conversations;
      Object.assign(result, { conversations: conv.length, messages: seeded.messages, inbound: seeded.inbound, seedMs: seeded.ms });
      // Most conversations have been read: 3 in 16 of those ending on the customer's message (about 1 in 18) stay unread.
      await runWrites(database, [sql`UPDATE "Conversation" SET "unreadCount" = 0, "lastReadAt" = "updatedAt" WHERE NOT ("lastDirection" = 'inbound' AND "unreadCount" > 0 AND substr("id", 6, 1) IN ('0', '1', '2'))`]);
      if (database.dialect.name === "postgres") await database.pool!.query("ANALYZE");
      else await runWrites(database, [sql`ANALYZE`]);
    } finally {
      await database.close();
    }
    say(`     seeded in ${(result.seedMs / 1000).toFixed(1)} s (${result.messages.toLocaleString("en-US")} outbound + ${result.inbound.toLocaleString("en-US")} inbound); timing the inbox's reads...`);
    result.reads = await measureReads(base, clients[1]!.id, conv, s.repeats);
    for (const r of result.reads) say(`     ${r.label}: p50 ${r.ms.p50.toFixed(1)} ms, p95 ${r.ms.p95.toFixed(1)} ms (${r.rows} rows)`);
    if (s.widgetSeconds > 0) {
      result.widget = await measureWidget(serverPid, base, s.databaseUrl, clients[0]!.id, clients[0]!.apiKey, conv, s, say);
      const w = result.widget;
      say(`     ${Math.round(w.acceptedPerSecond)} accepted/s; request → send() p50 ${w.toSendMs.p50.toFixed(1)} ms, p95 ${w.toSendMs.p95.toFixed(1)} ms; unsent ${w.unsent}; server CPU ${w.serverCpuMsPerSend?.toFixed(1) ?? "–"} ms per send`);
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    say(`     conversations phase failed: ${result.error}`);
  } finally {
    if (process.env.BENCH_SERVER_LOG) say(server.output.join("\n"));
    result.serverPeakRssKb = peakRssKb(serverPid());
    await stopServer(server, serverPid());
  }
  return result;
}
