// Opt-outs per client: a suppressed address is never messaged (the worker dead-letters
// such messages with reason `opted_out`). STOP adds one, START removes it.
import type { Db } from "./db/client";
import { newId } from "./ids";

export async function addSuppression(db: Db, s: { clientId: string; address: string; reason: string; channel?: string | null }): Promise<void> {
  await db.suppression.upsert({
    where: { clientId_address: { clientId: s.clientId, address: s.address } },
    create: { id: newId("sup"), clientId: s.clientId, address: s.address, reason: s.reason, channel: s.channel ?? null },
    update: { reason: s.reason },
  });
}

export async function removeSuppression(db: Db, clientId: string, address: string): Promise<boolean> {
  const { count } = await db.suppression.deleteMany({ where: { clientId, address } });
  return count > 0;
}
