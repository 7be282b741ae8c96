import { json } from "@/lib/http/route";
import { widgetRoute } from "@/lib/conversations/widget-route";
import { widgetConversation } from "@/lib/conversations/widget-thread";

// GET /api/v1/widget/conversation/:conversationId → {conversation} (its client, channel, WhatsApp window)
export const GET = widgetRoute<{ conversationId: string }>("read", async ({ params, caller, ...services }) => {
  return json(await widgetConversation(services, caller, params.conversationId));
});
