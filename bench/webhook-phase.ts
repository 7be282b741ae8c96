// 6. Call webhooks through HTTP: the real server.ts, signed `call_analyzed` events posted
// at a steady rate (open loop), then a check in the database that every follow-up was
// planned exactly once, and a redelivery of some events that must change nothing.
import { Agent, request } from "node:http";
import { signRetellBody } from "../lib/calls/signature";
import { openDatabase } from "../lib/db/client";
import { benchPhone, perSecond, sleep, summarize, type Summary } from "./measure";
import { anyFreePort, peakRssKb, portIsFree, processCpuMs, serverPidOf } from "./processes";
import { ADMIN_KEY, RETELL_KEY, call, startServer, stopServer, waitHealthy, type ServerSettings } from "./server-process";

export interface WebhookSettings extends ServerSettings {
  rate: number;
  seconds: number;
  workerEnabled: boolean;
  /** Call ids start with this, so runs on one database do not meet. */
  prefix: string;
}

export interface WebhookResult {
  rate: number;
  workerEnabled: boolean;
  posted: number;
  accepted: number;
  rejected: number;
  stoppedEarly: boolean;
  acceptedPerSecond: number;
  responseMs: Summary;
  fromScheduleMs: Summary;
  serverCpuMsPerEvent: number | null;
  expectedFollowUps: number;
  plannedFollowUps: number;
  duplicateFollowUps: number;
  callsPlanned: number;
  redelivered: number;
  redeliveryChangedSomething: boolean;
  exactlyOnce: boolean;
  serverPeakRssKb: number | null;
  error?: string;
}

// One agent id per run: 6a and 6b share a database, and an agent id belongs to one client.
const agentOf = (prefix: string) => `agent_bench_${prefix}`;
const TRANSCRIPT = "Agent: Thanks for calling Bench Dental, how can I help?\nUser: I'd like to book a cleaning next week.\n".repeat(6);

/** Event i: 5 in 10 booked (4 follow-ups), 3 interested (2), 2 not connected (1): 2.8 on average. */
function eventFor(prefix: string, i: number, nowMs: number): { body: unknown; followUps: number } {
  const kind = i % 10 < 5 ? "booked" : i % 10 < 8 ? "interested" : "missed";
  const start = nowMs - 240_000;
  const analysis =
    kind === "booked"
      ? { customer_name: `Bench ${i}`, customer_email: `bench${i}@example.com`, intent: "booking_request", appointment_booked: true, appointment_time: new Date(nowMs + 3 * 86_400_000).toISOString() }
      : kind === "interested"
        ? { customer_name: `Bench ${i}`, customer_email: `bench${i}@example.com`, intent: "pricing", appointment_booked: false }
        : {};
  const call = {
    call_type: "phone_call", call_id: `${prefix}${i}`, agent_id: agentOf(prefix), direction: "inbound", from_number: benchPhone(i), to_number: "+15550002222",
    call_status: "ended", start_timestamp: start, end_timestamp: start + 150_000, duration_ms: 150_000,
    disconnection_reason: kind === "missed" ? "dial_no_answer" : "user_hangup", transcript: kind === "missed" ? "" : TRANSCRIPT,
    metadata: {}, call_analysis: { call_summary: `Bench call ${i}`, user_sentiment: "Positive", call_successful: kind !== "missed", in_voicemail: false, custom_analysis_data: analysis },
  };
  return { body: { event: "call_analyzed", call }, followUps: kind === "booked" ? 4 : kind === "interested" ? 2 : 1 };
}

let firstRejection: string | undefined;

// A bounded pool of kept-alive connections, as a sender with many calls in flight keeps.
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

function post(base: string, raw: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/webhooks/calls`, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(raw), "x-retell-signature": signRetellBody(RETELL_KEY, raw, Date.now()) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        if (res.statusCode !== 204) firstRejection ??= `${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`;
        resolve(res.statusCode ?? 0);
      });
    });
    req.on("error", reject);
    req.end(raw);
  });
}

async function countFollowUps(databaseUrl: string, prefix: string) {
  const database = await openDatabase(databaseUrl);
  try {
    const db = database.db;
    const [planned, duplicates, calls] = await Promise.all([
      db.message.count({ where: { callId: { startsWith: prefix } } }),
      db.message.groupBy({ by: ["callId", "kind", "channel"], where: { callId: { startsWith: prefix } }, having: { id: { _count: { gt: 1 } } } }),
      db.call.count({ where: { callId: { startsWith: prefix }, followUpsPlannedAt: { not: null } } }),
    ]);
    return { planned, duplicates: duplicates.length, calls };
  } finally {
    await database.close();
  }
}

export async function runWebhookPhase(settings: WebhookSettings, say: (line: string) => void): Promise<WebhookResult> {
  const s = (await portIsFree(settings.port)) ? settings : { ...settings, port: await anyFreePort() };
  const base = `http://127.0.0.1:${s.port}`;
  const total = s.rate * s.seconds;
  const result: WebhookResult = {
    rate: s.rate, workerEnabled: s.workerEnabled, posted: 0, accepted: 0, rejected: 0, stoppedEarly: false, acceptedPerSecond: 0,
    responseMs: summarize([]), fromScheduleMs: summarize([]), serverCpuMsPerEvent: null, expectedFollowUps: 0, plannedFollowUps: 0,
    duplicateFollowUps: 0, callsPlanned: 0, redelivered: 0, redeliveryChangedSomething: false, exactlyOnce: false, serverPeakRssKb: null,
  };
  const server = startServer(s, { WORKER_ENABLED: String(s.workerEnabled) });
  const serverPid = () => serverPidOf(server.child.pid!);
  try {
    await waitHealthy(server, base);
    const created = await call(base, "POST", "/api/clients", ADMIN_KEY, { name: "Bench Webhooks", timezone: "America/New_York", smsFrom: "+15550002222", agentIds: [agentOf(s.prefix)] });
    if (created.status !== 201) throw new Error(`POST /api/clients answered ${created.status}: ${JSON.stringify(created.json)}`);
    // Warm-up (not counted): loads the code paths and the client cache.
    for (let w = 0; w < 20; w++) await post(base, JSON.stringify({ event: "call_started", call: { call_id: `${s.prefix}warm_${w}`, agent_id: agentOf(s.prefix), from_number: benchPhone(900_000 + w), to_number: "+15550002222" } }));
    say(`  6  posting ${total.toLocaleString("en-US")} signed call_analyzed events at ${s.rate}/s (worker ${s.workerEnabled ? "on" : "off"})...`);

    const responseMs: number[] = [];
    const fromSchedule: number[] = [];
    const inFlight = new Set<Promise<void>>();
    const bodies: string[] = [];
    const cpu0 = processCpuMs(serverPid());
    const t0 = performance.now();
    const wall0 = Date.now();
    const intervalMs = 1000 / s.rate;
    const maxInFlight = Math.max(100, s.rate * 2); // 2 s of backlog: not keeping up
    let i = 0;
    while (i < total) {
      if (inFlight.size > maxInFlight) {
        result.stoppedEarly = true;
        break;
      }
      const due = Math.min(total, Math.floor((performance.now() - t0) / intervalMs) + 1);
      for (; i < due; i++) {
        const scheduled = t0 + i * intervalMs;
        const event = eventFor(s.prefix, i, wall0 + i * intervalMs);
        const raw = JSON.stringify(event.body);
        bodies.push(raw);
        result.expectedFollowUps += event.followUps;
        const started = performance.now();
        const p = post(base, raw).then(
          (status) => {
            const end = performance.now();
            responseMs.push(end - started);
            fromSchedule.push(end - scheduled);
            if (status === 204) result.accepted += 1;
            else result.rejected += 1;
          },
          (err) => {
            firstRejection ??= String(err);
            result.rejected += 1;
          },
        );
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }
      if (i < total) await sleep(Math.max(0, t0 + i * intervalMs - performance.now()));
    }
    result.posted = i;
    await Promise.all(inFlight);
    const elapsed = performance.now() - t0;
    const cpu1 = processCpuMs(serverPid());
    if (cpu0 !== null && cpu1 !== null && result.accepted) result.serverCpuMsPerEvent = (cpu1 - cpu0) / result.accepted;
    result.acceptedPerSecond = perSecond(result.accepted, elapsed);
    result.responseMs = summarize(responseMs);
    result.fromScheduleMs = summarize(fromSchedule);
    if (firstRejection) say(`     first rejected request: ${firstRejection}`);
    say(`     ${Math.round(result.acceptedPerSecond).toLocaleString("en-US")} accepted/s, p95 ${result.responseMs.p95.toFixed(1)} ms; checking the follow-ups...`);

    const first = await countFollowUps(s.databaseUrl, s.prefix);
    // Redelivery: the platform retries; the same events again must change nothing.
    const again = bodies.slice(0, Math.min(1000, bodies.length));
    const statuses = await Promise.all(again.map((raw) => post(base, raw)));
    result.redelivered = statuses.filter((st) => st === 204).length;
    const second = await countFollowUps(s.databaseUrl, s.prefix);
    result.redeliveryChangedSomething = second.planned !== first.planned || second.calls !== first.calls;
    result.plannedFollowUps = second.planned;
    result.duplicateFollowUps = second.duplicates;
    result.callsPlanned = second.calls;
    result.exactlyOnce = !result.rejected && result.plannedFollowUps === result.expectedFollowUps && result.duplicateFollowUps === 0 && result.callsPlanned === result.accepted && !result.redeliveryChangedSomething;
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    say(`     webhook phase failed: ${result.error}`);
  } finally {
    if (process.env.BENCH_SERVER_LOG) say(server.output.join("\n"));
    result.serverPeakRssKb = peakRssKb(serverPid());
    await stopServer(server, serverPid());
  }
  return result;
}
