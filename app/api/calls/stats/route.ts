import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { getCallStats } from "@/lib/calls/queries";
import { clientScopeSchema } from "@/lib/schemas/message";

// GET /api/calls/stats – counts, average duration and booking rate
export const GET = withAuth("read", async ({ req, principal, db }) => {
  const query = parseQuery(req, clientScopeSchema);
  return json(await getCallStats(db, scopeClientId(principal, query.clientId)));
});
