import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { callListQuerySchema, listCalls } from "@/lib/calls/queries";

// GET /api/calls – newest first, keyset-paginated
export const GET = withAuth("read", async ({ req, principal, database }) => {
  const query = parseQuery(req, callListQuerySchema);
  query.clientId = scopeClientId(principal, query.clientId);
  return json(await listCalls(database, query));
});
