// The load of `npm run bench:reliability`: open-loop request streams (request i is due at
// t0 + i/rate whatever the earlier ones did, over a bounded pool of kept-alive connections),
// the signed call events and API enqueues they post, and the server's RSS every 5 s.
import { Agent, request } from "node:http";
import { readFileSync } from "node:fs";
import { signRetellBody } from "../lib/calls/signature";
import { benchPhone, sleep } from "./measure";

export interface Answer {
  status: number;
  body: string;
}

export function httpCall(agent: Agent, base: string, method: string, path: string, headers: Record<string, string | number>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, agent, headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("no answer within 30 s")));
    req.on("error", reject);
    req.end(body);
  });
}

export interface StreamResult {
  name: string;
  rate: number;
  issued: number;
  /** Answers with the status that means "done" (204 for webhooks, 202 for enqueues, 200 for health). */
  accepted: number;
  rejected: number;
  statuses: Record<string, number>;
  /** Request start → answer, ms (time waiting for a free connection included). */
  latencies: number[];
  /** Requests not sent because 2 s of them were already in flight: the server was not keeping up. */
  shed: number;
  firstFailure?: string;
}

/**
 * Fires `fire(i)` at `rate` per second for `seconds`, open loop. When 2 s of requests are in
 * flight, the due ones are shed (counted, not sent) rather than queued without bound, and the
 * stream goes on: the server stays under the full offered load for the whole run.
 */
export async function openLoop(name: string, rate: number, seconds: number, okStatus: number, fire: (i: number) => Promise<Answer>): Promise<StreamResult> {
  const result: StreamResult = { name, rate, issued: 0, accepted: 0, rejected: 0, statuses: {}, latencies: [], shed: 0 };
  if (rate <= 0) return result;
  const total = Math.round(rate * seconds);
  const maxInFlight = Math.max(50, rate * 2);
  const inFlight = new Set<Promise<void>>();
  const intervalMs = 1000 / rate;
  const t0 = performance.now();
  let i = 0;
  while (i < total) {
    const due = Math.min(total, Math.floor((performance.now() - t0) / intervalMs) + 1);
    for (; i < due; i++) {
      if (inFlight.size >= maxInFlight) {
        result.shed += 1;
        continue;
      }
      result.issued += 1;
      const started = performance.now();
      const p = fire(i).then(
        (a) => {
          result.latencies.push(performance.now() - started);
          result.statuses[a.status] = (result.statuses[a.status] ?? 0) + 1;
          if (a.status === okStatus) result.accepted += 1;
          else {
            result.rejected += 1;
            result.firstFailure ??= `${a.status} ${a.body.slice(0, 200)}`;
          }
        },
        (err: Error) => {
          result.statuses.error = (result.statuses.error ?? 0) + 1;
          result.rejected += 1;
          result.firstFailure ??= err.message;
        },
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    if (i < total) await sleep(Math.max(0, t0 + i * intervalMs - performance.now()));
  }
  await Promise.all(inFlight);
  return result;
}

export const AGENT_ID = "agent_reliability";

/** Call event i, shaped like the platform's: 5 in 10 booked (4 follow-ups), 3 interested (2), 2 not connected (1), as bench/webhook-phase.ts. */
export function callEvent(prefix: string, i: number, nowMs: number): { raw: string; callId: string; followUps: number } {
  const kind = i % 10 < 5 ? "booked" : i % 10 < 8 ? "interested" : "missed";
  const start = nowMs - 240_000;
  const analysis =
    kind === "booked"
      ? { customer_name: `Rel ${i}`, customer_email: `rel${i}@example.com`, intent: "booking_request", appointment_booked: true, appointment_time: new Date(nowMs + 3 * 86_400_000).toISOString() }
      : kind === "interested"
        ? { customer_name: `Rel ${i}`, customer_email: `rel${i}@example.com`, intent: "pricing", appointment_booked: false }
        : {};
  const callId = `${prefix}${i}`;
  const call = {
    call_type: "phone_call", call_id: callId, agent_id: AGENT_ID, direction: "inbound", from_number: benchPhone(i), to_number: "+15550004444",
    call_status: "ended", start_timestamp: start, end_timestamp: start + 150_000, duration_ms: 150_000,
    disconnection_reason: kind === "missed" ? "dial_no_answer" : "user_hangup", transcript: kind === "missed" ? "" : "Agent: Hello! User: I'd like to book a cleaning.",
    metadata: {}, call_analysis: { call_summary: `Reliability call ${i}`, user_sentiment: "Positive", call_successful: kind !== "missed", in_voicemail: false, custom_analysis_data: analysis },
  };
  return { raw: JSON.stringify({ event: "call_analyzed", call }), callId, followUps: kind === "booked" ? 4 : kind === "interested" ? 2 : 1 };
}

export function signedHeaders(retellKey: string, raw: string): Record<string, string> {
  return { "content-type": "application/json", "x-retell-signature": signRetellBody(retellKey, raw, Date.now()) };
}

export function rssKb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** RSS of `pid` every `everyMs` until stopped: [seconds since start, kB]. */
export function sampleRss(pid: () => number, everyMs = 5000): { samples: [number, number][]; stop(): void } {
  const samples: [number, number][] = [];
  const t0 = performance.now();
  const take = () => {
    const kb = rssKb(pid());
    if (kb !== null) samples.push([Math.round((performance.now() - t0) / 1000), kb]);
  };
  take();
  const timer = setInterval(take, everyMs);
  return { samples, stop: () => (clearInterval(timer), take()) };
}
