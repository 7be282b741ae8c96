// Seeds a fresh SQLite database with N messages for the console benchmark: several clients and
// channels, every status, created over the last 30 days. Raw inserts of 1,000 rows a statement
// (the queue's own json_each insert), so 100,000 rows take seconds; an attempt row for each that
// reached a provider. Nothing seeded is due: pending
// and failed rows wait hours or days ahead, so a running worker finds no work in them.
import { openDatabase } from "../../lib/db/client";
import { newId } from "../../lib/ids";
import { createClient } from "../../lib/clients/clients";
import { messageRow } from "../../lib/queue/enqueue";
import type { Columns } from "../../lib/db/sql";
import { insertRowsSql } from "../../lib/db/json-rows";

const CHUNK = 1_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Share of each seeded state, out of 100: mostly delivered, as in a working install. */
const MIX: [state: string, percent: number][] = [
  ["delivered", 50],
  ["read", 5],
  ["sent", 10],
  ["pending", 8], // due within the next 24 h (the Scheduled tab's default window)
  ["scheduled", 7], // due 2 to 30 days ahead
  ["failed", 4],
  ["dead_letter", 8],
  ["cancelled", 8],
];
const CHANNELS = ["sms", "sms", "sms", "email", "whatsapp"];

const COLUMNS: Columns = {
  id: "text", clientId: "text", channel: "text", to: "text", subject: "text", body: "text", template: "text", variables: "text",
  category: "text", kind: "text", status: "text", scheduledFor: "timestamp", runAt: "timestamp", attempts: "int", maxAttempts: "int",
  nextAttemptAt: "timestamp", provider: "text", providerMessageId: "text", costCents: "int", lastError: "text", deadLetterReason: "text",
  deadLetterAt: "timestamp", sentAt: "timestamp", deliveredAt: "timestamp", readAt: "timestamp", cancelledAt: "timestamp",
  idempotencyKey: "text", metadata: "text", callId: "text", customerId: "text", conversationId: "text", heldReason: "text",
  createdAt: "timestamp", updatedAt: "timestamp",
};

const ATTEMPT_COLUMNS: Columns = {
  id: "text", messageId: "text", attempt: "int", provider: "text", outcome: "text", errorClass: "text", error: "text", durationMs: "int", createdAt: "timestamp",
};

/** The provider call a seeded message made, if it made one (the stats count failed attempts). */
function attemptRow(message: Record<string, unknown>): Record<string, unknown> | null {
  const failed = message.status === "failed" || message.status === "dead_letter";
  if (!failed && !message.sentAt) return null;
  const at = (message.sentAt ?? message.deadLetterAt ?? message.createdAt) as Date;
  return {
    id: newId("att", at.getTime()), messageId: message.id, attempt: message.attempts, provider: "sandbox", outcome: failed ? "failed" : "sent",
    errorClass: failed ? "recipient" : null, error: failed ? message.lastError : null, durationMs: 40, createdAt: at,
  };
}

function stateOf(i: number): string {
  let slot = (i * 37) % 100; // spreads every state over the whole time range
  for (const [state, percent] of MIX) {
    if (slot < percent) return state;
    slot -= percent;
  }
  return "delivered";
}

/** The columns that make a pending row into one that reached `state` at `at`. */
function outcome(state: string, at: Date, now: number, i: number): Record<string, unknown> {
  const sent = { attempts: 1, provider: "sandbox", providerMessageId: `sb_${i}`, costCents: 1, sentAt: at };
  const later = new Date(at.getTime() + 2_000);
  switch (state) {
    case "sent": return { ...sent, status: "sent" };
    case "delivered": return { ...sent, status: "delivered", deliveredAt: later };
    case "read": return { ...sent, status: "read", deliveredAt: later, readAt: later };
    case "failed": {
      const next = new Date(now + HOUR + (i % 60) * 60_000);
      return { status: "failed", attempts: 1, lastError: "sandbox: transient failure", nextAttemptAt: next, runAt: next };
    }
    case "dead_letter": return { status: "dead_letter", attempts: 3, lastError: "recipient rejected", deadLetterReason: "permanent error: recipient rejected", deadLetterAt: at };
    case "cancelled": return { status: "cancelled", cancelledAt: at };
    default: return {};
  }
}

function seededRow(i: number, n: number, clientIds: string[], now: number) {
  const state = stateOf(i);
  const createdAt = new Date(now - 30 * DAY + Math.floor((i / n) * 30 * DAY)); // oldest first, so ids follow time
  const channel = CHANNELS[i % CHANNELS.length]!;
  const due = state === "pending" ? now + HOUR + (i % 22) * HOUR : state === "scheduled" ? now + 2 * DAY + (i % 28) * DAY : createdAt.getTime();
  const row = messageRow({
    clientId: clientIds[i % clientIds.length]!, channel,
    to: channel === "email" ? `patient${i}@example.com` : `${channel === "whatsapp" ? "whatsapp:" : ""}+1555${String(i).padStart(7, "0")}`,
    subject: channel === "email" ? "Your appointment" : null, body: `Reminder ${i}: your appointment is confirmed.`,
    template: null, variables: null, category: i % 4 === 0 ? "marketing" : "transactional", kind: "confirmation",
    scheduledFor: new Date(due), maxAttempts: 3, idempotencyKey: null, metadata: "{}", callId: null, customerId: null, conversationId: null,
  }, createdAt);
  return { ...row, attempts: 0, costCents: 0, ...outcome(state, new Date(createdAt.getTime() + 1_000), now, i) };
}

/** Creates `clients` clients and `n` messages in the (migrated, empty) SQLite database at `url`. */
export async function seedMessages(url: string, n: number, clients = 5): Promise<{ clientIds: string[]; byState: Record<string, number> }> {
  const database = await openDatabase(url);
  const { db, close } = database;
  try {
    const clientIds: string[] = [];
    for (let c = 0; c < clients; c++) clientIds.push((await createClient(db, { name: `Bench Clinic ${c + 1}`, timezone: "America/New_York" })).client.id);
    const now = Date.now();
    const byState: Record<string, number> = {};
    for (let start = 0; start < n; start += CHUNK) {
      const rows = [];
      const attempts = [];
      for (let i = start; i < Math.min(n, start + CHUNK); i++) {
        const row = seededRow(i, n, clientIds, now);
        byState[stateOf(i)] = (byState[stateOf(i)] ?? 0) + 1;
        rows.push(row);
        const attempt = attemptRow(row);
        if (attempt) attempts.push(attempt);
      }
      await db.$executeRaw(insertRowsSql(database, "Message", COLUMNS, rows)!);
      if (attempts.length) await db.$executeRaw(insertRowsSql(database, "MessageAttempt", ATTEMPT_COLUMNS, attempts)!);
    }
    // No ANALYZE: a real install has none either, and the query planner is measured as it is there.
    return { clientIds, byState };
  } finally {
    await close();
  }
}
