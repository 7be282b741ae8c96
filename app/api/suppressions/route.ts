import { json, parseBody, parseQuery, withAuth } from "@/lib/http/route";
import { ownClientOf, scopeClientId } from "@/lib/auth/principal";
import {
  createSuppression, deleteSuppression, listSuppressions,
  suppressionCreateSchema, suppressionDeleteSchema, suppressionListQuerySchema,
} from "@/lib/compliance/suppression-api";
import { auditAction } from "@/lib/audit/action";

// GET /api/suppressions?clientId=&q=&channel=&limit= – opt-outs, newest first, with the audit trail
export const GET = withAuth("read", async ({ req, principal, db }) => {
  const query = parseQuery(req, suppressionListQuerySchema);
  return json(await listSuppressions(db, { ...query, clientId: scopeClientId(principal, query.clientId) }));
});

// POST /api/suppressions {clientId?, address, channel?, reason} – suppress an address (recorded with who and why)
export const POST = withAuth("send", async ({ req, principal, db }) => {
  const body = await parseBody(req, suppressionCreateSchema);
  const result = await createSuppression(db, principal, body);
  if (result.created) {
    const s = result.suppression;
    await auditAction(db, principal, req, { action: "suppression.add", target: { kind: "suppression", id: s.id }, clientId: s.clientId, changes: { address: [null, s.address], channel: [null, s.channel], reason: [null, body.reason] } });
  }
  return json(result, result.created ? 201 : 200);
});

// DELETE /api/suppressions {id, reason} or {clientId?, address, channel?, reason} – lift it
export const DELETE = withAuth("manage_clients", async ({ req, principal, db }) => {
  const body = await parseBody(req, suppressionDeleteSchema);
  const target = body.id ? await db.suppression.findUnique({ where: { id: body.id } }) : null;
  const result = await deleteSuppression(db, principal, body);
  const clientId = target?.clientId ?? body.clientId ?? ownClientOf(principal);
  await auditAction(db, principal, req, {
    action: "suppression.lift", target: { kind: "suppression", id: body.id ?? `${clientId ?? "?"}:${body.address}` }, clientId,
    changes: { address: [target?.address ?? body.address ?? null, null], reason: [null, body.reason] },
  });
  return json(result);
});
