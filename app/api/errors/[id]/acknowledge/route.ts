import { json, withAuth } from "@/lib/http/route";
import { acknowledgeError } from "@/lib/errorlog/actions";
import { auditAction } from "@/lib/audit/action";

// POST /api/errors/:id/acknowledge – someone has seen it and is on it
export const POST = withAuth<{ id: string }>("resolve_errors", async ({ req, params, principal, db, bus }) => {
  const result = await acknowledgeError(db, principal, params.id, { bus: bus });
  if (result.updated) await auditAction(db, principal, req, { action: "error.acknowledge", target: { kind: "error", id: params.id }, clientId: result.entry.clientId ?? null });
  return json(result);
});
