// Webhook idempotency: each (source, key) is recorded once; the second delivery is a no-op.
import type { Db } from "../db/client";
import { newId } from "../ids";

/** True the first time (source, key) is seen, false on a redelivery. */
export async function recordOnce(db: Db, source: string, key: string, now = new Date()): Promise<boolean> {
  try {
    await db.webhookEvent.create({ data: { id: newId("whe"), source, eventKey: key.slice(0, 400), receivedAt: now } });
    return true;
  } catch (err) {
    if ((err as { code?: string })?.code === "P2002") return false;
    throw err;
  }
}
