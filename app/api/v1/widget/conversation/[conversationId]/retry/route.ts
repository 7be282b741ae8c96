import { z } from "zod";
import { json, parseBody } from "@/lib/http/route";
import { widgetRoute } from "@/lib/conversations/widget-route";
import { widgetRetry } from "@/lib/conversations/widget-thread";

const body = z.object({ messageId: z.unknown() }).passthrough();

// POST /api/v1/widget/conversation/:conversationId/retry {messageId} – re-queue a failed message of this conversation → {message}
export const POST = widgetRoute<{ conversationId: string }>("retry", async ({ req, params, caller, ...services }) => {
  return json(await widgetRetry(services, caller, params.conversationId, (await parseBody(req, body)).messageId));
});
