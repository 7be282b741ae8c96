import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { listErrors } from "@/lib/errorlog/queries";
import { errorListQuerySchema } from "@/lib/errorlog/schemas";

// GET /api/errors – the error log, filtered, newest (or most severe) first, keyset-paginated
export const GET = withAuth("read", async ({ req, principal, database }) => {
  const query = parseQuery(req, errorListQuerySchema);
  query.clientId = scopeClientId(principal, query.clientId);
  return json(await listErrors(database, query));
});
