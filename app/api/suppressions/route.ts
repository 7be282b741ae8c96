import { json, parseBody, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import {
  createSuppression, deleteSuppression, listSuppressions,
  suppressionCreateSchema, suppressionDeleteSchema, suppressionListQuerySchema,
} from "@/lib/compliance/suppression-api";

// GET /api/suppressions?clientId=&q=&channel=&limit= – opt-outs, newest first, with the audit trail
export const GET = withAuth("read", async ({ req, principal, db }) => {
  const query = parseQuery(req, suppressionListQuerySchema);
  return json(await listSuppressions(db, { ...query, clientId: scopeClientId(principal, query.clientId) }));
});

// POST /api/suppressions {clientId?, address, channel?, reason} – suppress an address (recorded with who and why)
export const POST = withAuth("send", async ({ req, principal, db }) => {
  const result = await createSuppression(db, principal, await parseBody(req, suppressionCreateSchema));
  return json(result, result.created ? 201 : 200);
});

// DELETE /api/suppressions {id, reason} or {clientId?, address, channel?, reason} – lift it
export const DELETE = withAuth("manage_clients", async ({ req, principal, db }) => {
  return json(await deleteSuppression(db, principal, await parseBody(req, suppressionDeleteSchema)));
});
