// The inbox's data for the conversations phase: C conversations of the given clients with
// their customers and M messages (7 in 10 outbound, 3 in 10 inbound), written in bulk
// through the queue's own helpers: insertRowsSql for the rows and touchConversationsSql (the
// statement every enqueue and inbound webhook runs) for the Conversation rows, so the rows
// the inbox reads are shaped exactly as the product writes them. Not timed as a figure.
import type { Database } from "../lib/db/client";
import { runWrites } from "../lib/db/direct";
import { insertRowsSql } from "../lib/db/json-rows";
import type { Columns } from "../lib/db/sql";
import { conversationIdFor } from "../lib/conversations/conversation-id";
import { touchConversationsSql, type ConversationTouch } from "../lib/conversations/upsert-sql";
import { newId } from "../lib/ids";

export const SURNAMES = ["Rivera", "Okafor", "Nguyen", "Schmidt", "Haddad", "Kowalski", "Tanaka", "Moreau", "Silva", "Jensen", "Ivanova", "Patel", "Murphy", "Rossi", "Kim", "Andersson", "Costa", "Dubois", "Novak", "Yilmaz", "Fischer", "Garcia", "Lindqvist", "Mensah", "Sato"];
const FIRST = ["Ana", "Ben", "Chloe", "Dev", "Ema", "Farid", "Grace", "Hugo", "Iris", "Jon", "Kai", "Lena", "Mia", "Noah", "Omar", "Pia"];
const OUT = ["Your appointment is confirmed for Friday at 10:00. Reply C to confirm or R to reschedule.", "Reminder: cleaning tomorrow at 14:30. See you soon!", "Thanks for your call today. Here is the price list you asked about.", "We have an opening on Monday morning, shall I book it for you?"];
const IN = ["Yes that works, thank you", "Can we move it to next week?", "What time do you open on Saturday?", "C", "Is parking available near the office?"];

const CUSTOMER: Columns = { id: "text", clientId: "text", phone: "text", email: "text", name: "text", createdAt: "timestamp", updatedAt: "timestamp" };
const MESSAGE: Columns = {
  id: "text", clientId: "text", channel: "text", to: "text", body: "text", category: "text", kind: "text", status: "text", scheduledFor: "timestamp", runAt: "timestamp",
  attempts: "int", provider: "text", providerMessageId: "text", sentAt: "timestamp", deliveredAt: "timestamp", conversationId: "text", customerId: "text", createdAt: "timestamp", updatedAt: "timestamp",
};
const INBOUND: Columns = { id: "text", clientId: "text", channel: "text", from: "text", to: "text", body: "text", providerMessageId: "text", conversationId: "text", createdAt: "timestamp" };

export interface SeededConversation { id: string; clientId: string; channel: string; address: string }

export interface Seeded {
  conversations: SeededConversation[];
  messages: number;
  inbound: number;
  ms: number;
}

/** A recipient the sandbox accepts, distinct per conversation (it fails numbers ending in 0001 / 0002). */
const phoneOf = (i: number) => `+1556${String(i).padStart(6, "0")}7`;
const CHUNK = 2000;

/**
 * Conversation i belongs to clients[i % k]; its channel is sms (6 in 10), whatsapp (3) or
 * email (1); its last activity is spread over the last 30 days (a stride, so activity order
 * is not id or client order). 1 in 10 has no customerId (begun before the customer was known:
 * the inbox finds the customer by address). A third end on an inbound message (unread).
 */
export async function seedConversations(database: Database, clients: string[], conversations: number, messages: number): Promise<Seeded> {
  const t0 = performance.now();
  const now = Date.now();
  const perConversation = Math.max(1, Math.round(messages / conversations));
  const seeded: SeededConversation[] = [];
  let customers: Record<string, unknown>[] = [];
  let outbound: Record<string, unknown>[] = [];
  let inbound: Record<string, unknown>[] = [];
  let touches: ConversationTouch[] = [];
  let counts = { messages: 0, inbound: 0 };
  const flush = async (force: boolean) => {
    if (!force && outbound.length + inbound.length < CHUNK) return;
    await runWrites(database, [
      insertRowsSql(database, "Customer", CUSTOMER, customers),
      insertRowsSql(database, "Message", MESSAGE, outbound),
      insertRowsSql(database, "InboundMessage", INBOUND, inbound),
      touchConversationsSql(database, touches),
    ].filter((s) => s !== null));
    counts = { messages: counts.messages + outbound.length, inbound: counts.inbound + inbound.length };
    customers = [], outbound = [], inbound = [], touches = [];
  };
  const stride = 7919; // prime, coprime with any count below it that is not a multiple of it
  for (let i = 0; i < conversations; i++) {
    const clientId = clients[i % clients.length]!;
    const channel = i % 10 < 6 ? "sms" : i % 10 < 9 ? "whatsapp" : "email";
    const address = channel === "email" ? `customer${i}@example.com` : phoneOf(i);
    const id = conversationIdFor(clientId, channel, address);
    seeded.push({ id, clientId, channel, address });
    const customerId = newId("cus");
    const createdAt = new Date(now - 40 * 86_400_000);
    customers.push({ id: customerId, clientId, phone: channel === "email" ? null : address, email: channel === "email" ? address : null, name: `${FIRST[i % FIRST.length]} ${SURNAMES[Math.floor(i / FIRST.length) % SURNAMES.length]}`, createdAt, updatedAt: createdAt });
    const lastAt = now - 60_000 - ((i * stride) % conversations) * Math.floor((30 * 86_400_000) / conversations);
    const endsInbound = i % 3 === 0;
    for (let j = 0; j < perConversation; j++) {
      const at = new Date(lastAt - (perConversation - 1 - j) * 3_600_000);
      // 3 in 10 inbound (email conversations have none); the last one by endsInbound.
      const isLast = j === perConversation - 1;
      const isInbound = channel !== "email" && (isLast ? endsInbound : j % 10 === 2 || j % 10 === 5 || (j % 10 === 8 && !endsInbound));
      if (isInbound) {
        const mid = newId("in", at.getTime());
        const body = IN[(i + j) % IN.length]!;
        inbound.push({ id: mid, clientId, channel, from: address, to: "+15550004444", body, providerMessageId: `SMbench${mid}`, conversationId: id, createdAt: at });
        touches.push({ id, clientId, channel, address, customerId: null, messageId: mid, text: body, direction: "inbound", at });
      } else {
        const mid = newId("msg", at.getTime());
        const body = OUT[(i + j) % OUT.length]!;
        const linked = i % 10 === 7 ? null : customerId;
        outbound.push({
          id: mid, clientId, channel, to: channel === "whatsapp" ? `whatsapp:${address}` : address, body, category: "transactional", kind: "conversation_reply", status: "delivered",
          scheduledFor: at, runAt: at, attempts: 1, provider: "sandbox", providerMessageId: `SB${mid}`, sentAt: at, deliveredAt: new Date(at.getTime() + 2000), conversationId: id, customerId: linked, createdAt: at, updatedAt: at,
        });
        touches.push({ id, clientId, channel, address, customerId: linked, messageId: mid, text: body, direction: "outbound", at });
      }
    }
    await flush(false);
  }
  await flush(true);
  return { conversations: seeded, ...counts, ms: performance.now() - t0 };
}
