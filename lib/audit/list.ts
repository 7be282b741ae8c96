// Reading the audit trail: GET /api/audit's filters and keyset pages (newest first by (at, id)),
// and a message's own entries for its detail.
import { z } from "zod";
import type { Db } from "../db/client";
import type { AuditEntry } from "../generated/sqlite/client";
import type { AuditChanges } from "./record";

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "a date (2026-12-01) or an ISO-8601 time" }).transform((t) => new Date(t));
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(aud_[0-9a-z]+)$/;
const word = z.string().trim().min(1).max(200);

export const auditQuerySchema = z
  .object({
    actor: word.optional(), // an actor id (user id, admin-key, client-key:<id>) or a name
    action: z.string().trim().regex(/^[a-z_]+(\.[a-z_]+)?$/, "an action such as message.retry, or a kind such as message").optional(),
    clientId: word.optional(),
    messageId: word.optional(),
    since: instant.optional(),
    cursor: z.string().regex(CURSOR, "invalid cursor").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface ApiAuditEntry {
  id: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  target: { kind: string; id: string };
  clientId: string | null;
  messageId: string | null;
  changes?: AuditChanges;
  address: string | null;
  at: string;
}

export function toApiAuditEntry(e: AuditEntry): ApiAuditEntry {
  return {
    id: e.id,
    actor: { kind: e.actorKind, id: e.actorId, name: e.actorName },
    action: e.action,
    target: { kind: e.targetKind, id: e.targetId },
    clientId: e.clientId,
    messageId: e.messageId,
    ...(e.changes && { changes: JSON.parse(e.changes) as AuditChanges }),
    address: e.address,
    at: e.at.toISOString(),
  };
}

/** `clientId` is the caller's scope already (scopeClientId): a scoped caller's list never leaves its client. */
export async function listAudit(db: Db, q: AuditQuery): Promise<{ entries: ApiAuditEntry[]; nextCursor: string | null }> {
  const cursor = q.cursor ? CURSOR.exec(q.cursor) : null;
  const at = cursor ? new Date(cursor[1]!) : null;
  const rows = await db.auditEntry.findMany({
    where: {
      AND: [
        q.clientId ? { clientId: q.clientId } : {},
        q.messageId ? { messageId: q.messageId } : {},
        q.action ? (q.action.includes(".") ? { action: q.action } : { action: { startsWith: `${q.action}.` } }) : {},
        q.actor ? { OR: [{ actorId: q.actor }, { actorName: q.actor }] } : {},
        q.since ? { at: { gte: q.since } } : {},
        at && cursor ? { OR: [{ at: { lt: at } }, { at, id: { lt: cursor[2]! } }] } : {},
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { entries: page.map(toApiAuditEntry), nextCursor: rows.length > q.limit && last ? `${last.at.toISOString()}_${last.id}` : null };
}

/** A message's entries, oldest first (its detail reads them as a history); anyone who may read the message may read these. */
export async function messageAudit(db: Db, messageId: string): Promise<ApiAuditEntry[]> {
  const rows = await db.auditEntry.findMany({ where: { messageId }, orderBy: [{ at: "asc" }, { id: "asc" }], take: 100 });
  return rows.map(toApiAuditEntry);
}
