import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { conversationListQuerySchema, listConversations } from "@/lib/conversations/queries";

// GET /api/conversations?clientId=&channel=&q=&unread=true&cursor=&limit= – newest activity first
export const GET = withAuth("read", async ({ req, principal, database }) => {
  const query = parseQuery(req, conversationListQuerySchema);
  return json(await listConversations(database, { ...query, clientId: scopeClientId(principal, query.clientId) }));
});
