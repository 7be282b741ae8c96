import { json, parseBody, withAuth } from "@/lib/http/route";
import { assertAllClients, ownClientOf } from "@/lib/auth/principal";
import { createClient, listClients, toApiClient } from "@/lib/clients/clients";
import { clientCreateSchema } from "@/lib/schemas/client";
import { auditAction } from "@/lib/audit/action";
import { diffFields } from "@/lib/audit/record";

// GET /api/clients – every client for an admin, its own for a client key
export const GET = withAuth("read", async ({ principal, db }) => {
  const clients = await listClients(db, ownClientOf(principal) ?? undefined);
  return json({ clients: clients.map(toApiClient) });
});

/** What a client was created with, less the empty lists and objects it starts with anyway. */
const withoutEmpty = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => !(Array.isArray(v) ? v.length === 0 : v && typeof v === "object" && Object.keys(v).length === 0)));

// POST /api/clients – create a tenant; its API key is in this answer only
export const POST = withAuth("manage_clients", async ({ req, principal, db }) => {
  assertAllClients(principal, "only an admin may create clients");
  const input = await parseBody(req, clientCreateSchema);
  const { client, apiKey } = await createClient(db, input);
  // What it was created with, never its key (apiKeyPrefix is left out too).
  const { apiKeyPrefix: _prefix, createdAt: _c, updatedAt: _u, id: _id, ...created } = toApiClient(client);
  await auditAction(db, principal, req, { action: "client.create", target: { kind: "client", id: client.id }, clientId: client.id, changes: diffFields({}, withoutEmpty(created)) });
  return json({ client: toApiClient(client), apiKey }, 201);
});
