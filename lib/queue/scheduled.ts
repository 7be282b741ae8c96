// The schedule: pending messages by when they will really go. A message's runAt is when the
// worker looks at it; the gate may then hold it to the recipient's quiet hours or the client's
// business hours (lib/compliance). The schedule asks the same send window at max(runAt, now),
// so a marketing message due at 19:58 in New York is listed at the next morning's opening,
// after a reminder due at 21:30 that goes when it is due. Consent and frequency caps are not
// predicted (they depend on what happens before then); a message they held says so in
// heldReason, and its runAt is already the time it was held to.
//
// Ordered by (goesAt, id), paged by a keyset cursor on that pair. goesAt is not a column, so
// each page reads the window's candidates (runAt ≤ the window's end: nothing goes before its
// runAt) up to CANDIDATES, computes goesAt for each and returns the page after the cursor.
import type { Database } from "../db/client";
import type { Client, Message, Prisma } from "../generated/sqlite/client";
import { getCachedClient } from "../clients/client-cache";
import { clientSettings } from "../domain/json-columns";
import { loadComplianceContext } from "../compliance/gate-context";
import { windowCheck } from "../compliance/gate-rules";
import { complianceOf } from "../compliance/settings";
import { resolveMessageFilter } from "./list-filters";
import type { Channel } from "../domain/words";

/** At most this many pending messages are weighed for one window. */
export const CANDIDATES = 5_000;
/** A hold moves a message at most this far past its runAt (the send window's horizon, two weeks, plus a day). */
const MAX_HOLD_MS = 15 * 86_400_000;

export interface ScheduledQuery {
  hours: number;
  clientId?: string;
  channel?: Channel;
  customer?: string;
  /** The real send time's range (from included, until excluded); `until` replaces the hours window. */
  from?: Date;
  until?: Date;
  cursor?: string;
  limit?: number;
  now?: Date;
}

export interface ScheduledMessage {
  message: Message;
  /** When it will really go; null when the window never opens (the gate will dead-letter it). */
  goesAt: Date | null;
  /** Why it goes later than its runAt, or why it will not go; null when nothing holds it. */
  goesReason: string | null;
}

const NEVER = "never";

function sortKey(s: ScheduledMessage) {
  return s.goesAt ? s.goesAt.getTime() : Number.POSITIVE_INFINITY;
}

function compare(a: ScheduledMessage, b: ScheduledMessage) {
  return sortKey(a) - sortKey(b) || (a.message.id < b.message.id ? -1 : a.message.id > b.message.id ? 1 : 0);
}

export function scheduledCursor(s: ScheduledMessage): string {
  return `${s.goesAt ? s.goesAt.toISOString() : NEVER}_${s.message.id}`;
}

function afterCursor(cursor: string | undefined): ((s: ScheduledMessage) => boolean) | null {
  if (!cursor) return null;
  const cut = cursor.lastIndexOf("_msg_");
  const at = cursor.slice(0, cut);
  const id = cursor.slice(cut + 1);
  const t = at === NEVER ? Number.POSITIVE_INFINITY : new Date(at).getTime();
  return (s) => sortKey(s) > t || (sortKey(s) === t && s.message.id > id);
}

/** When one message will really go, as the gate's send window would decide at max(runAt, now). */
export function plannedSend(m: Message, client: Client | undefined, ctx: Awaited<ReturnType<typeof loadComplianceContext>>, now: Date): ScheduledMessage {
  const at = new Date(Math.max(m.runAt.getTime(), now.getTime()));
  if (!client) return { message: m, goesAt: at, goesReason: m.heldReason };
  const decision = windowCheck(m, client, complianceOf(client), ctx, at, clientSettings(client).locale ?? "en-US");
  if (!decision) return { message: m, goesAt: at, goesReason: m.heldReason };
  if (decision.action === "hold") return { message: m, goesAt: decision.until, goesReason: decision.reason };
  return { message: m, goesAt: null, goesReason: decision.action === "dead_letter" ? decision.reason : null };
}

export async function listScheduled(database: Database, q: ScheduledQuery) {
  const now = q.now ?? new Date();
  const end = q.until ?? new Date(now.getTime() + q.hours * 3_600_000);
  const { where: filtered } = await resolveMessageFilter(database, { clientId: q.clientId, channel: q.channel, customer: q.customer });
  const where: Prisma.MessageWhereInput = {
    ...filtered,
    status: "pending",
    runAt: { lt: end, ...(q.from ? { gte: new Date(q.from.getTime() - MAX_HOLD_MS) } : {}) },
  };
  const rows = await database.db.message.findMany({ where, orderBy: [{ runAt: "asc" }, { id: "asc" }], take: CANDIDATES });
  const clients = new Map<string, Client>();
  for (const id of new Set(rows.map((m) => m.clientId))) {
    const client = await getCachedClient(database.db, id);
    if (client) clients.set(id, client);
  }
  const ctx = await loadComplianceContext(database, rows, clients, now);
  const start = q.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const inWindow = rows
    .map((m) => plannedSend(m, clients.get(m.clientId), ctx, now))
    // A message that will never go stays listed while its runAt is in the window: someone must act on it.
    .filter((s) => (s.goesAt ? s.goesAt.getTime() >= start && s.goesAt.getTime() < end.getTime() : s.message.runAt.getTime() >= start))
    .sort(compare);
  const after = afterCursor(q.cursor);
  const rest = after ? inWindow.filter(after) : inWindow;
  const limit = q.limit ?? 50;
  const page = rest.slice(0, limit);
  return {
    messages: page,
    total: inWindow.length,
    /** The window held more pending messages than were weighed: total and order cover the first CANDIDATES by runAt. */
    truncated: rows.length === CANDIDATES,
    nextCursor: rest.length > limit ? scheduledCursor(page[page.length - 1]!) : null,
  };
}
