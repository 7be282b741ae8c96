import { json, withAuth } from "@/lib/http/route";
import { cancelVisibleMessage } from "@/lib/messages/submit";
import { toApiMessage } from "@/lib/queue/serialize";

// POST /api/messages/:id/cancel – cancel a pending (incl. scheduled) or failed message
export const POST = withAuth<{ id: string }>("cancel", async ({ params, principal, ...services }) => {
  const message = await cancelVisibleMessage(services, principal, params.id);
  return json({ message: toApiMessage(message) });
});
