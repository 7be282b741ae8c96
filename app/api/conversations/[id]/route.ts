import { json, withAuth } from "@/lib/http/route";
import { conversationDetail, getVisibleConversation } from "@/lib/conversations/queries";

// GET /api/conversations/:id – one conversation and its latest messages (inbound and outbound)
export const GET = withAuth<{ id: string }>("read", async ({ params, principal, database }) => {
  return json(await conversationDetail(database, await getVisibleConversation(database, principal, params.id)));
});
