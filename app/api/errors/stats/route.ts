import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { getErrorStats } from "@/lib/errorlog/queries";
import { errorStatsQuerySchema } from "@/lib/errorlog/schemas";

// GET /api/errors/stats – counts by severity, service, type and resolution
export const GET = withAuth("read", async ({ req, principal, db }) => {
  const query = parseQuery(req, errorStatsQuerySchema);
  query.clientId = scopeClientId(principal, query.clientId);
  return json(await getErrorStats(db, query));
});
