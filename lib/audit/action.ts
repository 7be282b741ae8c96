// The route handlers' way into the audit trail: recordAudit with the caller's address.
// A failed write is logged loudly (log line + error log, severity error), not thrown: by the
// time we write, the change has landed (the message is re-queued, the key rotated), so failing
// the request would tell the operator it did not happen and invite them to do it twice. The
// Errors page then shows the gap in the trail to whoever watches it.
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { clientAddressOf } from "../http/client-address";
import { logError } from "../errorlog/log-error";
import { logFor } from "../log";
import { recordAudit, type AuditRecord } from "./record";

export async function auditAction(db: Db, principal: Principal, req: Request, entry: Omit<AuditRecord, "address">): Promise<void> {
  try {
    await recordAudit(db, principal, { ...entry, address: clientAddressOf(req) });
  } catch (err) {
    const message = `audit entry not written for ${entry.action} on ${entry.target.kind} ${entry.target.id}: ${err instanceof Error ? err.message : String(err)}`;
    try {
      logFor("audit").error({ err, action: entry.action, target: entry.target }, message);
      logError({ service: "api", operation: "audit", errorType: "audit_write_failed", severity: "error", message, clientId: entry.clientId ?? null, context: { action: entry.action, target: entry.target } });
    } catch {
      // the log itself is down: nothing more this request can do
    }
  }
}

/** Console users only: what an API key does through the same route is machine traffic (enqueues). */
export async function auditIfUser(db: Db, principal: Principal, req: Request, entry: Omit<AuditRecord, "address">): Promise<void> {
  if (principal.kind === "user") await auditAction(db, principal, req, entry);
}
