// Provider delivery reports move sent messages forward: sent < delivered < read.
// Reports arrive late, twice or out of order; a report that would move a message
// backwards changes nothing.
import type { Db } from "../db";
import type { Message } from "../generated/sqlite/client";
import { newId } from "../ids";

export interface StatusReport {
  providerMessageId: string;
  status: "delivered" | "read";
  at?: Date;
}

const ALLOWED_FROM: Record<StatusReport["status"], string[]> = {
  delivered: ["sent"],
  read: ["sent", "delivered"],
};

/** Applies reports; returns the messages that moved and the provider ids that matched no sent message. */
export async function applyStatusReports(
  db: Db,
  reports: StatusReport[],
  now = new Date(),
): Promise<{ moved: Message[]; unmatched: string[] }> {
  const moved: Message[] = [];
  const matched = new Set<string>();
  for (const status of ["delivered", "read"] as const) {
    const ids = [...new Set(reports.filter((r) => r.status === status).map((r) => r.providerMessageId))];
    if (!ids.length) continue;
    const rows = await db.message.findMany({
      where: { providerMessageId: { in: ids } },
      select: { id: true, status: true, providerMessageId: true },
    });
    rows.forEach((r) => matched.add(r.providerMessageId!));
    const movable = rows.filter((r) => ALLOWED_FROM[status].includes(r.status)).map((r) => r.id);
    if (!movable.length) continue;
    const data = status === "delivered" ? { status, deliveredAt: now, updatedAt: now } : { status, readAt: now, updatedAt: now };
    await db.message.updateMany({ where: { id: { in: movable }, status: { in: ALLOWED_FROM[status] } }, data });
    if (status === "read") {
      await db.message.updateMany({ where: { id: { in: movable }, deliveredAt: null }, data: { deliveredAt: now } });
    }
    await db.messageEvent.createMany({
      data: movable.map((id) => ({ id: newId("mev"), messageId: id, status, note: null, createdAt: now })),
    });
    moved.push(...(await db.message.findMany({ where: { id: { in: movable } } })));
  }
  const unmatched = reports.map((r) => r.providerMessageId).filter((id) => !matched.has(id));
  return { moved, unmatched: [...new Set(unmatched)] };
}
