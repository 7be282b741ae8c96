import { json, parseBody, withAuth } from "@/lib/http/route";
import { assertCanReadClient, ownClientOf } from "@/lib/auth/principal";
import { getClientOrThrow } from "@/lib/clients/clients";
import { previewSchema, previewTemplate } from "@/lib/templates/preview";

// POST /api/templates/preview – render a (draft or saved) template with sample data
export const POST = withAuth("read", async ({ req, principal, db }) => {
  const input = await parseBody(req, previewSchema);
  const clientId = input.clientId ?? ownClientOf(principal) ?? undefined;
  if (clientId) assertCanReadClient(principal, clientId);
  const client = clientId ? await getClientOrThrow(db, clientId) : null;
  return json(previewTemplate(client, input));
});
