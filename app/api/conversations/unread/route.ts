import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { unreadQuerySchema, unreadTotals } from "@/lib/conversations/queries";

// GET /api/conversations/unread?clientId= – {conversations, messages}: how many conversations have
// unread replies and how many replies that is (the nav's Inbox badge)
export const GET = withAuth("read", async ({ req, principal, database }) => {
  const query = parseQuery(req, unreadQuerySchema);
  return json(await unreadTotals(database, scopeClientId(principal, query.clientId)));
});
