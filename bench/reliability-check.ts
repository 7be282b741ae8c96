// After the load: what the database holds, against what the server said it accepted.
// Nothing lost (every accepted call event's follow-ups planned, every accepted message
// present) and nothing duplicated (a follow-up planned twice, a message stored twice).
import { openDatabase } from "../lib/db";
import { sleep } from "./measure";

export interface IntegrityResult {
  callsAccepted: number;
  callsPlanned: number;
  /** Accepted (204) call events whose call is missing or was never planned. */
  callsLost: number;
  followUpsExpected: number;
  followUpsPlanned: number;
  /** Calls planned although their request was refused or not answered within 30 s (the server did it anyway). */
  callsPlannedThoughUnanswered: number;
  /** Accepted calls with fewer follow-ups than their event asks for. */
  callsShortOfFollowUps: number;
  /** (call, kind, channel) planned more than once. */
  followUpsDuplicated: number;
  messagesAccepted: number;
  messagesPresent: number;
  /** Accepted (202) messages the database does not have. */
  messagesLost: number;
  /** Stored rows beyond the accepted ones (a request refused or not answered within 30 s whose insert stayed). */
  messagesStoredThoughRefused: number;
  /** Enqueue bodies stored more than once. */
  messagesDuplicated: number;
}

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));

export async function checkIntegrity(
  databaseUrl: string,
  calls: { prefix: string; accepted: Map<string, number> },
  messages: { bodyPrefix: string; acceptedIds: string[] },
): Promise<IntegrityResult> {
  const database = await openDatabase(databaseUrl);
  const db = database.db;
  try {
    // Follow-ups are written by the server's group commit: wait until the count stands still.
    let last = -1;
    for (let i = 0; i < 60; i++) {
      const n = await db.message.count({ where: { callId: { startsWith: calls.prefix } } });
      if (n === last) break;
      last = n;
      await sleep(500);
    }
    const planned = new Set(
      (await db.call.findMany({ where: { callId: { startsWith: calls.prefix }, followUpsPlannedAt: { not: null } }, select: { callId: true } })).map((c) => c.callId),
    );
    const perCall = new Map(
      (await db.message.groupBy({ by: ["callId"], where: { callId: { startsWith: calls.prefix } }, _count: { _all: true } })).map((g) => [g.callId, g._count._all]),
    );
    const duplicated = await db.message.groupBy({ by: ["callId", "kind", "channel"], where: { callId: { startsWith: calls.prefix } }, having: { id: { _count: { gt: 1 } } } });
    let expected = 0;
    let stored = 0;
    let short = 0;
    let lost = 0;
    for (const [callId, followUps] of calls.accepted) {
      expected += followUps;
      stored += perCall.get(callId) ?? 0;
      if (!planned.has(callId)) lost += 1;
      if ((perCall.get(callId) ?? 0) < followUps) short += 1;
    }

    let present = 0;
    for (const ids of chunks(messages.acceptedIds, 500)) present += await db.message.count({ where: { id: { in: ids } } });
    const storedMessages = await db.message.count({ where: { body: { startsWith: messages.bodyPrefix } } });
    const sameBody = await db.message.groupBy({ by: ["body"], where: { body: { startsWith: messages.bodyPrefix } }, having: { id: { _count: { gt: 1 } } } });
    const accepted = new Set(messages.acceptedIds).size;
    return {
      callsAccepted: calls.accepted.size, callsPlanned: [...calls.accepted.keys()].filter((id) => planned.has(id)).length, callsLost: lost,
      callsPlannedThoughUnanswered: [...planned].filter((id) => !calls.accepted.has(id)).length,
      followUpsExpected: expected, followUpsPlanned: stored, callsShortOfFollowUps: short,
      followUpsDuplicated: duplicated.length,
      messagesAccepted: accepted, messagesPresent: present, messagesLost: accepted - present,
      messagesStoredThoughRefused: Math.max(0, storedMessages - present), messagesDuplicated: sameBody.length,
    };
  } finally {
    await database.close();
  }
}
