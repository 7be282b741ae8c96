import { z } from "zod";
import { json, parseQuery } from "@/lib/http/route";
import { widgetRoute } from "@/lib/conversations/widget-route";
import { widgetHistory } from "@/lib/conversations/widget";

const query = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0), token: z.string().optional() });

// GET /api/v1/widget/conversation/:conversationId/history?limit=20&offset=0 → {messages, total}
export const GET = widgetRoute<{ conversationId: string }>("read", async ({ req, params, caller, ...services }) => {
  const { limit, offset } = parseQuery(req, query);
  return json(await widgetHistory(services, caller, params.conversationId, limit, offset));
});
