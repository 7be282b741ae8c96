import { json, parseBody, withAuth } from "@/lib/http/route";
import { assertCanReadClient } from "@/lib/auth/principal";
import { getClientOrThrow, toApiClient, updateClient } from "@/lib/clients/clients";
import { clientUpdateSchema } from "@/lib/schemas/client";
import { auditAction } from "@/lib/audit/action";
import { diffFields } from "@/lib/audit/record";

// GET /api/clients/:id – one client
export const GET = withAuth<{ id: string }>("read", async ({ params, principal, db }) => {
  assertCanReadClient(principal, params.id);
  return json({ client: toApiClient(await getClientOrThrow(db, params.id)) });
});

// PATCH /api/clients/:id – change name, timezone, business hours, sender ids, agents, numbers
// (routing fields: admins only; a value another client holds is 409)
export const PATCH = withAuth<{ id: string }>("manage_clients", async ({ req, params, principal, db }) => {
  assertCanReadClient(principal, params.id);
  const input = await parseBody(req, clientUpdateSchema);
  const before = toApiClient(await getClientOrThrow(db, params.id));
  const after = toApiClient(await updateClient(db, params.id, input, principal));
  // Only the fields the request named (settings as the merged whole); a client has no key field here.
  const changes = diffFields(before, after, Object.keys(input).filter((f) => f !== "apiKeyPrefix"));
  if (changes) await auditAction(db, principal, req, { action: "client.update", target: { kind: "client", id: params.id }, clientId: params.id, changes });
  return json({ client: after });
});
