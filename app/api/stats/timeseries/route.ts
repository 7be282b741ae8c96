import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { getTimeseries } from "@/lib/queue/timeseries";
import { timeseriesQuerySchema } from "@/lib/schemas/message";

// GET /api/stats/timeseries – sent / failed / delivered per minute for the last `hours`, for everyone or one client
export const GET = withAuth("read", async ({ req, principal, database }) => {
  const query = parseQuery(req, timeseriesQuerySchema);
  return json(await getTimeseries(database, { hours: query.hours, clientId: scopeClientId(principal, query.clientId) }));
});
