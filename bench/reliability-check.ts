// After the load: what the database holds, against what the server said it accepted.
// Nothing lost (every accepted call event's follow-ups planned, every accepted message
// present) and nothing duplicated (a follow-up planned twice, a message stored twice).
import Sqlite from "better-sqlite3";
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

/**
 * Reads the bench's SQLite file directly (read-only, raw SQL on the table and column names of
 * prisma/models.prisma): the check then depends on the schema, not on lib/'s module layout.
 */
export async function checkIntegrity(
  databaseUrl: string,
  calls: { prefix: string; accepted: Map<string, number> },
  messages: { bodyPrefix: string; acceptedIds: string[] },
): Promise<IntegrityResult> {
  const db = new Sqlite(databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  // substr(), not LIKE: the prefixes hold underscores, which LIKE reads as wildcards.
  const ofCalls = `substr("callId", 1, ${calls.prefix.length}) = @prefix`;
  const count = (sql: string, params: Record<string, unknown>) => (db.prepare(sql).get(params) as { n: number }).n;
  try {
    // Follow-ups are written by the server's group commit: wait until the count stands still.
    let last = -1;
    for (let i = 0; i < 60; i++) {
      const n = count(`SELECT COUNT(*) AS n FROM "Message" WHERE ${ofCalls}`, { prefix: calls.prefix });
      if (n === last) break;
      last = n;
      await sleep(500);
    }
    const planned = new Set((db.prepare(`SELECT "callId" FROM "Call" WHERE ${ofCalls} AND "followUpsPlannedAt" IS NOT NULL`).all({ prefix: calls.prefix }) as { callId: string }[]).map((r) => r.callId));
    const perCall = new Map((db.prepare(`SELECT "callId", COUNT(*) AS n FROM "Message" WHERE ${ofCalls} GROUP BY "callId"`).all({ prefix: calls.prefix }) as { callId: string; n: number }[]).map((r) => [r.callId, r.n]));
    const duplicated = count(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Message" WHERE ${ofCalls} GROUP BY "callId", "kind", "channel" HAVING COUNT(*) > 1)`, { prefix: calls.prefix });
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

    const ofBodies = `substr("body", 1, ${messages.bodyPrefix.length}) = @prefix`;
    const accepted = [...new Set(messages.acceptedIds)];
    const present = count(`SELECT COUNT(*) AS n FROM "Message" WHERE "id" IN (SELECT value FROM json_each(@ids))`, { ids: JSON.stringify(accepted) });
    const storedMessages = count(`SELECT COUNT(*) AS n FROM "Message" WHERE ${ofBodies}`, { prefix: messages.bodyPrefix });
    const sameBody = count(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Message" WHERE ${ofBodies} GROUP BY "body" HAVING COUNT(*) > 1)`, { prefix: messages.bodyPrefix });
    return {
      callsAccepted: calls.accepted.size, callsPlanned: [...calls.accepted.keys()].filter((id) => planned.has(id)).length, callsLost: lost,
      callsPlannedThoughUnanswered: [...planned].filter((id) => !calls.accepted.has(id)).length,
      followUpsExpected: expected, followUpsPlanned: stored, callsShortOfFollowUps: short, followUpsDuplicated: duplicated,
      messagesAccepted: accepted.length, messagesPresent: present, messagesLost: accepted.length - present,
      messagesStoredThoughRefused: Math.max(0, storedMessages - present), messagesDuplicated: sameBody,
    };
  } finally {
    db.close();
  }
}
