import { json, parseBody, withAuth } from "@/lib/http/route";
import { retryVisibleMessage } from "@/lib/messages/submit";
import { toApiMessage } from "@/lib/queue/serialize";
import { retryEditSchema } from "@/lib/schemas/message";

// POST /api/messages/:id/retry – re-queue a failed or dead-lettered message, optionally edited
export const POST = withAuth<{ id: string }>("retry", async ({ req, params, principal, ...services }) => {
  const edit = await parseBody(req, retryEditSchema, { optional: true });
  const message = await retryVisibleMessage(services, principal, params.id, edit);
  return json({ message: toApiMessage(message) });
});
