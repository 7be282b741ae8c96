import { json, withAuth } from "@/lib/http/route";
import { assertCanReadClient } from "@/lib/auth/principal";
import { rotateClientKey, toApiClient } from "@/lib/clients/clients";

// POST /api/clients/:id/rotate-key – issue a new API key (shown once); the old one stops working
export const POST = withAuth<{ id: string }>("rotate_keys", async ({ params, principal, db }) => {
  assertCanReadClient(principal, params.id);
  const { client, apiKey } = await rotateClientKey(db, params.id);
  return json({ client: toApiClient(client), apiKey });
});
