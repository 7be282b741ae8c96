import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { getQueueStats } from "@/lib/queue/stats";
import { clientScopeSchema } from "@/lib/schemas/message";

// GET /api/stats – counts, throughput, cost and queue lag, for everyone or one client
export const GET = withAuth("read", async ({ req, principal, db }) => {
  const query = parseQuery(req, clientScopeSchema);
  return json(await getQueueStats(db, scopeClientId(principal, query.clientId)));
});
