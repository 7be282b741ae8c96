// Queue statistics for /api/stats, the console and the queue:stats event.
import type { Db } from "../db/client";
import type { QueueStats } from "../realtime/contract";
import { CHANNELS, MESSAGE_STATUSES } from "../domain/words";


export async function getQueueStats(db: Db, clientId?: string, now = new Date()): Promise<QueueStats> {
  const scope = clientId ? { clientId } : {};
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

  const [byStatusRows, byChannelRows, scheduled, sentHour, failedHour, sentDay, failedDay, costToday, costMonth, oldest] =
    await Promise.all([
      db.message.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
      db.message.groupBy({ by: ["channel"], where: scope, _count: { _all: true } }),
      db.message.count({ where: { ...scope, status: "pending", runAt: { gt: now } } }),
      db.message.count({ where: { ...scope, sentAt: { gte: hourAgo } } }),
      db.messageAttempt.count({ where: { outcome: "failed", createdAt: { gte: hourAgo }, ...(clientId ? { message: { clientId } } : {}) } }),
      db.message.count({ where: { ...scope, sentAt: { gte: dayAgo } } }),
      db.messageAttempt.count({ where: { outcome: "failed", createdAt: { gte: dayAgo }, ...(clientId ? { message: { clientId } } : {}) } }),
      db.message.aggregate({ where: { ...scope, sentAt: { gte: today } }, _sum: { costCents: true } }),
      db.message.aggregate({ where: { ...scope, sentAt: { gte: month } }, _sum: { costCents: true } }),
      db.message.findFirst({
        where: { ...scope, status: { in: ["pending", "failed"] }, runAt: { lte: now } },
        orderBy: { runAt: "asc" },
        select: { runAt: true },
      }),
    ]);

  const byStatus = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const row of byStatusRows) byStatus[row.status] = row._count._all;
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<string, number>;
  for (const row of byChannelRows) byChannel[row.channel] = row._count._all;
  return {
    byStatus,
    byChannel,
    scheduled,
    sentLastHour: sentHour,
    failedLastHour: failedHour,
    sent24h: sentDay,
    failed24h: failedDay,
    costTodayCents: costToday._sum.costCents ?? 0,
    costMonthCents: costMonth._sum.costCents ?? 0,
    queueLagMs: oldest ? Math.max(0, now.getTime() - oldest.runAt.getTime()) : 0,
    generatedAt: now.toISOString(),
  };
}
