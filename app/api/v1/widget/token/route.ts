import { z } from "zod";
import { json, parseBody } from "@/lib/http/route";
import { widgetRoute } from "@/lib/conversations/widget-route";
import { widgetToken } from "@/lib/conversations/widget";

const body = z.object({ conversationId: z.unknown() }).passthrough();

// POST /api/v1/widget/token {conversationId} → {token, expiresAt} (a console session or the client's key)
export const POST = widgetRoute("send", async ({ req, caller, ...services }) => {
  return json(await widgetToken(services, caller, (await parseBody(req, body)).conversationId));
});
