import { json, parseBody, withAuth } from "@/lib/http/route";
import { resolveError } from "@/lib/errorlog/actions";
import { resolveBodySchema } from "@/lib/errorlog/schemas";
import { auditAction } from "@/lib/audit/action";

// POST /api/errors/:id/resolve – mark it fixed (`{similar: true}`: every open entry like it too)
export const POST = withAuth<{ id: string }>("resolve_errors", async ({ req, params, principal, db, bus }) => {
  const body = await parseBody(req, resolveBodySchema, { optional: true });
  const result = await resolveError(db, principal, params.id, { bus: bus, similar: body.similar });
  if (result.updated) {
    await auditAction(db, principal, req, {
      action: "error.resolve", target: { kind: "error", id: params.id }, clientId: result.entry.clientId ?? null,
      ...(body.similar && { changes: { resolvedSimilar: [null, result.updated] } }),
    });
  }
  return json(result);
});
