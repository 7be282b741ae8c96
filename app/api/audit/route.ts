import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { auditQuerySchema, listAudit } from "@/lib/audit/list";

// GET /api/audit?actor=&action=&clientId=&messageId=&since=&cursor=&limit= – the audit trail,
// newest first; a caller limited to one client sees only that client's rows
export const GET = withAuth("view_audit", async ({ req, principal, db }) => {
  const query = parseQuery(req, auditQuerySchema);
  return json(await listAudit(db, { ...query, clientId: scopeClientId(principal, query.clientId) }));
});
