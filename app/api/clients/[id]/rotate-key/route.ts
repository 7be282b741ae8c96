import { json, withAuth } from "@/lib/http/route";
import { assertCanReadClient } from "@/lib/auth/principal";
import { rotateClientKey, toApiClient } from "@/lib/clients/clients";
import { auditAction } from "@/lib/audit/action";

// POST /api/clients/:id/rotate-key – issue a new API key (shown once); the old one stops working
export const POST = withAuth<{ id: string }>("rotate_keys", async ({ req, params, principal, db }) => {
  assertCanReadClient(principal, params.id);
  const { client, apiKey } = await rotateClientKey(db, params.id);
  // Who rotated and when; neither key (nor its prefix) goes in the trail.
  await auditAction(db, principal, req, { action: "client.rotate_key", target: { kind: "client", id: client.id }, clientId: client.id });
  return json({ client: toApiClient(client), apiKey });
});
