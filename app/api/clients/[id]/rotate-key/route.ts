import { json, withAuth } from "@/lib/http/route";
import { assertAdmin } from "@/lib/auth/principal";
import { rotateClientKey, toApiClient } from "@/lib/clients/clients";

// POST /api/clients/:id/rotate-key – issue a new API key (shown once); the old one stops working
export const POST = withAuth<{ id: string }>(async ({ params, principal, db }) => {
  assertAdmin(principal);
  const { client, apiKey } = await rotateClientKey(db, params.id);
  return json({ client: toApiClient(client), apiKey });
});
