// Where a customer is (an IANA zone), as Herald learns it: from a call's metadata or
// analysis (`customer_timezone`) and from `customer.timezone` on POST /api/messages. Stored
// on Customer.timezone; the gate (./gate-context.ts) judges quiet hours in it first.
import type { Database } from "../db/client";
import { runWrites } from "../db/direct";
import { insertRowsSql } from "../db/json-rows";
import { sql } from "../db/sql";
import { newId } from "../ids";
import { normalizeAddress } from "../suppressions";

export interface CustomerZone {
  clientId: string;
  phone: string;
  timezone: string;
}

/** Creates the customer of each phone with its zone, or sets the zone of the one there is (the last of a phone wins). */
export async function rememberCustomerZones(database: Database, zones: CustomerZone[], now: Date): Promise<void> {
  const byPhone = new Map(zones.map((z) => [`${z.clientId}\u0000${normalizeAddress(z.phone)}`, z]));
  const rows = [...byPhone.values()].map((z) => ({ id: newId("cus"), clientId: z.clientId, phone: normalizeAddress(z.phone), timezone: z.timezone, createdAt: now, updatedAt: now }));
  const insert = insertRowsSql(database, "Customer", { id: "text", clientId: "text", phone: "text", timezone: "text", createdAt: "timestamp", updatedAt: "timestamp" }, rows, sql`EXISTS (SELECT 1 FROM "Client" c WHERE c."id" = s."clientId")`); // an unknown client is refused by the enqueue
  if (!insert) return;
  await runWrites(database, [sql`${insert} ON CONFLICT ("clientId", "phone") DO UPDATE SET "timezone" = excluded."timezone", "updatedAt" = excluded."updatedAt"`]);
}
