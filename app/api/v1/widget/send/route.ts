import { z } from "zod";
import { json, parseBody } from "@/lib/http/route";
import { widgetRoute } from "@/lib/conversations/widget-route";
import { widgetSend } from "@/lib/conversations/widget";

const body = z.object({}).passthrough();

// POST /api/v1/widget/send {conversationId, tenantId (or X-Tenant-ID), integrationId, text?, mediaUrl?, messageId?} → {success, messageId}
export const POST = widgetRoute("send", async ({ req, caller, ...services }) => {
  return json(await widgetSend(services, caller, await parseBody(req, body), req.headers.get("x-tenant-id")));
});
