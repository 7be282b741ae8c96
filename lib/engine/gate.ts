// Before sending: a suppressed (opted-out) recipient is dead-lettered, and a
// marketing message outside the client's business hours waits for the next opening.
import { DateTime } from "luxon";
import type { Database } from "../db/client";
import type { Client, Message } from "../generated/sqlite/client";
import { nextOpening } from "../followups/business-hours";
import { zoneName } from "../followups/zone-name";
import { getCachedClient } from "../clients/client-cache";
import { join, sql } from "../db/sql";
import { runRead } from "../db/direct";
import { clientBusinessHours } from "../domain/json-columns";

export type GateDecision =
  | { action: "send" }
  | { action: "dead_letter"; reason: string }
  | { action: "hold"; until: Date; reason: string };

export interface GateContext {
  clients: Map<string, Client>;
  suppressed: Set<string>;
}

const key = (clientId: string, address: string) => `${clientId}\u0000${address}`;

/** Loads what the gate needs for a whole batch in two queries. */
export async function loadGateContext(database: Database, messages: Message[]): Promise<GateContext> {
  const clientIds = [...new Set(messages.map((m) => m.clientId))];
  const [clients, suppressions] = await Promise.all([
    Promise.all(clientIds.map((id) => getCachedClient(database.db, id))).then((found) => found.filter((c): c is Client => c !== null)),
    // A superset (any of these clients × any of these addresses), matched exactly below;
    // raw, because an ORM call costs more than the whole lookup here.
    runRead<{ clientId: string; address: string }>(database, sql`
      SELECT "clientId", "address" FROM "Suppression"
       WHERE "clientId" IN (${join(clientIds)}) AND "address" IN (${join([...new Set(messages.map((m) => m.to.replace(/^whatsapp:/, "")))])})`),
  ]);
  return {
    clients: new Map(clients.map((c) => [c.id, c])),
    suppressed: new Set(suppressions.map((s) => key(s.clientId, s.address))),
  };
}

export function gateMessage(message: Message, ctx: GateContext, now: Date): GateDecision {
  if (ctx.suppressed.has(key(message.clientId, message.to.replace(/^whatsapp:/, "")))) {
    return { action: "dead_letter", reason: "opted_out" };
  }
  const client = ctx.clients.get(message.clientId);
  if (message.category !== "marketing" || !client) return { action: "send" };
  const hours = clientBusinessHours(client);
  const opening = nextOpening(hours, client.timezone, now);
  if (!opening) return { action: "dead_letter", reason: "no business hours configured for marketing messages" };
  if (opening.getTime() <= now.getTime()) return { action: "send" };
  const local = DateTime.fromJSDate(opening, { zone: client.timezone });
  const when = `${local.toFormat("ccc d LLL HH:mm")} ${zoneName(opening, client.timezone, local.locale ?? "en-US")}`;
  return { action: "hold", until: opening, reason: `outside business hours; held until ${when}` };
}
