// The audit trail's one writer: who (a user or an API key, lib/auth/principal.ts actorOf),
// did what (action), to what (target), for which client and message, with the before/after
// of what changed, from which address. Called by the use case right after its change lands.
import type { Db } from "../db/client";
import { actorOf, type Principal } from "../auth/principal";
import { newId } from "../ids";

/** {field: [before, after]}; only fields whose value really changed are kept. */
export type AuditChanges = Record<string, [unknown, unknown]>;

export interface AuditRecord {
  action: string; // <target kind>.<verb>: message.retry, message.edit_retry, client.update, user.invite, …
  target: { kind: string; id: string };
  clientId?: string | null;
  messageId?: string | null;
  changes?: AuditChanges;
  address?: string | null;
}

/** Before/after pairs for the fields that differ (JSON-equal values are dropped). */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, fields = Object.keys(after)): AuditChanges | undefined {
  const changes: AuditChanges = {};
  for (const f of fields) {
    if (!(f in after)) continue;
    if (JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)) changes[f] = [before[f] ?? null, after[f] ?? null];
  }
  return Object.keys(changes).length ? changes : undefined;
}

export async function recordAudit(db: Db, principal: Principal, entry: AuditRecord, at = new Date()): Promise<void> {
  const actor = actorOf(principal);
  await db.auditEntry.create({
    data: {
      id: newId("aud", at.getTime()),
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      targetKind: entry.target.kind,
      targetId: entry.target.id,
      clientId: entry.clientId ?? null,
      messageId: entry.messageId ?? (entry.target.kind === "message" ? entry.target.id : null),
      changes: entry.changes ? JSON.stringify(entry.changes) : null,
      address: entry.address?.slice(0, 100) ?? null,
    },
  });
}
