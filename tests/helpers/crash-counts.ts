// What a crash scenario left behind, counted from the gateway double (what was really sent),
// the database (where each message ended) and GET /api/messages/:id (what an operator is told).
import type { TestDatabase } from "./databases";
import type { CountingGateway } from "./doubles/counting-gateway-double";

export interface CrashCounts {
  byStatus: Record<string, number>;
  /** Messages not in sent/delivered/read/dead_letter at the end. */
  notEnded: number;
  /** Enqueued ids the database no longer has. */
  missing: number;
  sentOnce: number;
  /** Messages the gateway received two or more times. */
  sentTwice: number;
  sentThreeTimesOrMore: number;
  /** Status sent, yet the gateway never received it. */
  sentButNeverReceived: number;
  /** Of the messages sent twice: how many say possibleDuplicate: true, and how many have an attempt with outcome "unknown". */
  flagged: number;
  withUnknownAttempt: number;
  /** A few messages sent twice, as GET /api/messages/:id shows them. */
  duplicateExamples: string[];
  sendsWithoutKey: number;
  /** Messages whose sends carried different Idempotency-Key values. */
  unstableKeys: number;
  /** Idempotency-Key values that more than one message used. */
  sharedKeys: number;
}

export function emptyCounts(): CrashCounts {
  return {
    byStatus: {}, notEnded: 0, missing: 0, sentOnce: 0, sentTwice: 0, sentThreeTimesOrMore: 0, sentButNeverReceived: 0,
    flagged: 0, withUnknownAttempt: 0, duplicateExamples: [], sendsWithoutKey: 0, unstableKeys: 0, sharedKeys: 0,
  };
}

type GetMessage = (id: string) => Promise<{ status: number; json: unknown }>;

/** The fields of GET /api/messages/:id this counts (possibleDuplicate is API.md's, not yet served everywhere). */
interface MessageView {
  status?: string;
  possibleDuplicate?: unknown;
  attemptLog?: { outcome?: string }[];
}

export async function evaluateCrash(database: TestDatabase, gateway: CountingGateway, ids: string[], getMessage: GetMessage): Promise<CrashCounts> {
  const counts = emptyCounts();
  const rows = await database.db.message.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
  for (const r of rows) counts.byStatus[r.status] = (counts.byStatus[r.status] ?? 0) + 1;
  counts.missing = ids.length - rows.length;
  counts.notEnded = rows.filter((r) => !["sent", "delivered", "read", "dead_letter"].includes(r.status)).length;
  counts.sentButNeverReceived = rows.filter((r) => r.status === "sent" && !gateway.byMessage.has(r.id)).length;

  const duplicates: string[] = [];
  const owners = new Map<string, Set<string>>();
  for (const [id, sends] of gateway.byMessage) {
    if (sends.length === 1) counts.sentOnce += 1;
    else duplicates.push(id);
    if (sends.length >= 3) counts.sentThreeTimesOrMore += 1;
    const keys = new Set(sends.map((x) => x.idempotencyKey));
    if (keys.size > 1) counts.unstableKeys += 1;
    for (const x of sends) {
      if (x.idempotencyKey === null) counts.sendsWithoutKey += 1;
      else owners.set(x.idempotencyKey, (owners.get(x.idempotencyKey) ?? new Set()).add(id));
    }
  }
  counts.sentTwice = duplicates.length;
  counts.sharedKeys = [...owners.values()].filter((s) => s.size > 1).length;

  for (const id of duplicates) {
    const res = await getMessage(id);
    const m = (res.json as { message?: MessageView } | null)?.message;
    const flagged = m?.possibleDuplicate === true;
    const unknown = Array.isArray(m?.attemptLog) && m.attemptLog.some((a) => a.outcome === "unknown");
    if (flagged) counts.flagged += 1;
    if (unknown) counts.withUnknownAttempt += 1;
    if (counts.duplicateExamples.length < 3 && (!flagged || !unknown)) {
      const outcomes = Array.isArray(m?.attemptLog) ? m.attemptLog.map((a) => a.outcome).join(",") : "none";
      counts.duplicateExamples.push(`GET /api/messages/${id} → ${res.status}: sent ${gateway.byMessage.get(id)!.length}× at the gateway, status ${m?.status}, possibleDuplicate ${JSON.stringify(m?.possibleDuplicate)}, attemptLog outcomes [${outcomes}]`);
    }
  }
  return counts;
}
