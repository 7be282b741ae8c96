import { json, withAuth } from "@/lib/http/route";
import { getVisibleConversation, markConversationRead } from "@/lib/conversations/queries";
import { publishConversationUpdated } from "@/lib/conversations/publish";

// POST /api/conversations/:id/read – marks it read → {conversation}
export const POST = withAuth<{ id: string }>("send", async ({ params, principal, database, bus }) => {
  const conversation = await markConversationRead(database, await getVisibleConversation(database, principal, params.id));
  publishConversationUpdated(bus, conversation);
  return json({ conversation });
});
