import { z } from "zod";
import { json, parseBody } from "@/lib/http/route";
import { widgetRoute } from "@/lib/conversations/widget-route";
import { widgetSend } from "@/lib/conversations/widget";
import { auditIfUser } from "@/lib/audit/action";

const body = z.object({}).passthrough();

// POST /api/v1/widget/send {conversationId, tenantId (or X-Tenant-ID), integrationId, text?, mediaUrl?, messageId?} → {success, messageId}
// A console user's reply is audited (message.widget_reply); a widget token's or key's is not.
export const POST = widgetRoute("send", async ({ req, caller, ...services }) => {
  const input = await parseBody(req, body);
  const result = await widgetSend(services, caller, input, req.headers.get("x-tenant-id"));
  if (caller.kind === "user") {
    const message = await services.db.message.findUnique({ where: { id: result.messageId }, select: { clientId: true, conversationId: true } });
    await auditIfUser(services.db, caller, req, {
      action: "message.widget_reply",
      target: { kind: "message", id: result.messageId },
      clientId: message?.clientId ?? null,
    });
  }
  return json(result);
});
