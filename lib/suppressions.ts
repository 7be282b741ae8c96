// Opt-outs per client and channel: a suppressed address is never messaged on that channel
// ("all": on any), except the one confirmation a STOP asks for (lib/compliance/gate-rules.ts);
// a suppression of scope "marketing" (one-click email unsubscribe) holds back marketing only.
// Every change is recorded in SuppressionEvent with who made it and why.
import type { Db } from "./db/client";
import type { Suppression } from "./generated/sqlite/client";
import { newId } from "./ids";

export const SUPPRESSION_CHANNELS = ["sms", "whatsapp", "email", "all"] as const;
export type SuppressionChannel = (typeof SUPPRESSION_CHANNELS)[number];

export interface SuppressionChange {
  clientId: string;
  address: string;
  reason: string;
  channel?: string | null;
  /** Who: "admin", "client:<id>", "customer", "provider:twilio", "unsubscribe link"… */
  actor?: string;
  /** "marketing": only marketing is held back (a one-click email unsubscribe); default "all". */
  scope?: "all" | "marketing";
}

export const normalizeAddress = (address: string) => {
  const bare = address.trim().replace(/^whatsapp:/, "");
  return bare.includes("@") ? bare.toLowerCase() : bare;
};

/** Adds (or re-reasons) a suppression; returns true when the address was not suppressed on that channel before. */
export async function addSuppression(db: Db, s: SuppressionChange): Promise<boolean> {
  const channel = s.channel ?? "all";
  const address = normalizeAddress(s.address);
  const actor = s.actor ?? "provider";
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.suppression.findFirst({ where: { clientId: s.clientId, address, channel } });
      const scope = s.scope === "marketing" && (!existing || existing.scope === "marketing") ? "marketing" : "all";
      if (existing) await tx.suppression.update({ where: { id: existing.id }, data: { reason: s.reason, scope } });
      else await tx.suppression.create({ data: { id: newId("sup"), clientId: s.clientId, address, channel, scope, reason: s.reason } });
      await tx.suppressionEvent.create({ data: { id: newId("supev"), clientId: s.clientId, address, channel, action: existing ? "updated" : "added", actor, reason: s.reason } });
      return !existing;
    });
  } catch (err) {
    // A concurrent writer added it first. Caught outside the transaction: on PostgreSQL a failed
    // statement aborts the transaction, so nothing more may run (or commit) inside it.
    if ((err as { code?: string })?.code === "P2002") return false;
    throw err;
  }
}

/** Lifts suppressions of an address (one channel, or every row when channel is omitted); returns how many. */
export async function removeSuppression(db: Db, clientId: string, address: string, opts: { channel?: string; actor?: string; reason?: string } = {}): Promise<number> {
  const bare = normalizeAddress(address);
  return db.$transaction(async (tx) => {
    const rows = await tx.suppression.findMany({ where: { clientId, address: bare, ...(opts.channel ? { channel: { in: [opts.channel, "all"] } } : {}) } });
    return liftRows(tx as unknown as Db, rows, opts.actor ?? "provider", opts.reason ?? "lifted");
  });
}

/** Lifts one suppression by id; null when there is none. */
export async function removeSuppressionById(db: Db, id: string, actor: string, reason: string): Promise<Suppression | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.suppression.findUnique({ where: { id } });
    if (!row) return null;
    await liftRows(tx as unknown as Db, [row], actor, reason);
    return row;
  });
}

async function liftRows(tx: Db, rows: Suppression[], actor: string, reason: string): Promise<number> {
  if (!rows.length) return 0;
  await tx.suppression.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  await tx.suppressionEvent.createMany({
    data: rows.map((r) => ({ id: newId("supev"), clientId: r.clientId, address: r.address, channel: r.channel ?? "all", action: "lifted", actor, reason })),
  });
  return rows.length;
}

/** Whether an address is suppressed for a channel (a row for that channel, "all", or a legacy null). */
export async function isSuppressed(db: Db, clientId: string, address: string, channel: string): Promise<boolean> {
  const row = await db.suppression.findFirst({ where: { clientId, address: normalizeAddress(address), OR: [{ channel: { in: [channel, "all"] } }, { channel: null }] }, select: { id: true } });
  return row !== null;
}
