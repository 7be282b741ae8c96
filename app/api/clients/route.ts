import { json, parseBody, withAuth } from "@/lib/http/route";
import { assertAdmin } from "@/lib/auth/principal";
import { createClient, listClients, toApiClient } from "@/lib/clients/clients";
import { clientCreateSchema } from "@/lib/schemas/client";

// GET /api/clients – every client for an admin, its own for a client key
export const GET = withAuth(async ({ principal, db }) => {
  const clients = await listClients(db, principal.kind === "client" ? principal.clientId : undefined);
  return json({ clients: clients.map(toApiClient) });
});

// POST /api/clients – create a tenant; its API key is in this answer only
export const POST = withAuth(async ({ req, principal, db }) => {
  assertAdmin(principal);
  const input = await parseBody(req, clientCreateSchema);
  const { client, apiKey } = await createClient(db, input);
  return json({ client: toApiClient(client), apiKey }, 201);
});
