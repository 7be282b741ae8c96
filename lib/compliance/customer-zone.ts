// Where a customer is (an IANA zone), as Herald learns it: from a call's metadata or
// analysis (`customer_timezone`) and from `customer.timezone` on POST /api/messages. Stored
// on Customer.timezone; the gate (./gate-context.ts) judges quiet hours in it first.
import type { Database } from "../db/client";
import { runWrites } from "../db/direct";
import { insertRowsSql } from "../db/json-rows";
import { sql } from "../db/sql";
import { newId } from "../ids";
import { normalizeAddress } from "../suppressions";

/** Creates the customer of this phone with the zone, or sets the zone of the one there is. */
export async function rememberCustomerZone(database: Database, c: { clientId: string; phone: string; timezone: string; now: Date }): Promise<void> {
  const row = { id: newId("cus"), clientId: c.clientId, phone: normalizeAddress(c.phone), timezone: c.timezone, createdAt: c.now, updatedAt: c.now };
  const insert = insertRowsSql(database, "Customer", { id: "text", clientId: "text", phone: "text", timezone: "text", createdAt: "timestamp", updatedAt: "timestamp" }, [row], sql`true`)!;
  await runWrites(database, [sql`${insert} ON CONFLICT ("clientId", "phone") DO UPDATE SET "timezone" = excluded."timezone", "updatedAt" = excluded."updatedAt"`]);
}
