// Provider delivery reports move sent messages forward: sent < delivered < read, or
// sent → dead_letter when the provider says it was undelivered, bounced or dropped.
// Reports arrive late, twice or out of order; a report that would move a message
// backwards changes nothing. A reported price replaces the estimate.
import type { Db } from "../db";
import type { Message } from "../generated/sqlite/client";
import { newId } from "../ids";

export interface StatusReport {
  providerMessageId: string;
  status: "delivered" | "read" | "undelivered";
  errorCode?: string | null;
  error?: string | null;
  costCents?: number | null;
  at?: Date;
}

const ALLOWED_FROM: Record<StatusReport["status"], string[]> = {
  delivered: ["sent"],
  read: ["sent", "delivered"],
  undelivered: ["sent"],
};

function changesFor(r: StatusReport, now: Date) {
  if (r.status === "delivered") return { status: "delivered", deliveredAt: now, updatedAt: now };
  if (r.status === "read") return { status: "read", readAt: now, updatedAt: now };
  const reason = `undelivered${r.errorCode ? ` (${r.errorCode})` : ""}: ${r.error ?? "reported by the provider"}`;
  return { status: "dead_letter", deadLetterAt: now, deadLetterReason: reason, lastError: reason, updatedAt: now };
}

/** Applies reports; returns the messages that moved and the provider ids that matched no message. */
export async function applyStatusReports(
  db: Db,
  reports: StatusReport[],
  now = new Date(),
): Promise<{ moved: Message[]; unmatched: string[] }> {
  const ids = [...new Set(reports.map((r) => r.providerMessageId))];
  const rows = await db.message.findMany({
    where: { providerMessageId: { in: ids } },
    select: { id: true, status: true, providerMessageId: true, deliveredAt: true, costCents: true },
  });
  const byPmid = new Map(rows.map((r) => [r.providerMessageId!, r]));
  const movedIds: string[] = [];
  // Group identical changes so a burst of reports costs a few statements, not one each.
  type Group = { data: ReturnType<typeof changesFor>; ids: string[]; from: string[]; note: string | null };
  const groups = new Map<string, Group>();
  for (const r of reports) {
    const row = byPmid.get(r.providerMessageId);
    if (!row) continue;
    if (typeof r.costCents === "number" && r.costCents !== row.costCents) {
      await db.message.update({ where: { id: row.id }, data: { costCents: r.costCents } });
    }
    if (!ALLOWED_FROM[r.status].includes(row.status)) continue;
    const data = changesFor(r, now);
    const key = JSON.stringify({ ...data, updatedAt: undefined, deliveredAt: undefined, readAt: undefined, deadLetterAt: undefined });
    const group: Group = groups.get(key) ?? { data, ids: [], from: ALLOWED_FROM[r.status], note: data.deadLetterReason ?? null };
    group.ids.push(row.id);
    groups.set(key, group);
    row.status = data.status; // a second report for the same message in this batch sees the new status
  }
  for (const g of groups.values()) {
    const { count } = await db.message.updateMany({ where: { id: { in: g.ids }, status: { in: g.from } }, data: g.data });
    if (count === 0) continue;
    if (g.data.status === "read") {
      await db.message.updateMany({ where: { id: { in: g.ids }, deliveredAt: null }, data: { deliveredAt: now } });
    }
    await db.messageEvent.createMany({
      data: g.ids.map((id) => ({ id: newId("mev"), messageId: id, status: g.data.status, note: g.note, createdAt: now })),
    });
    movedIds.push(...g.ids);
  }
  const moved = movedIds.length ? await db.message.findMany({ where: { id: { in: movedIds } } }) : [];
  const unmatched = ids.filter((id) => !byPmid.has(id));
  return { moved, unmatched };
}
