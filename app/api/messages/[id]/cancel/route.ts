import { json, withAuth } from "@/lib/http/route";
import { cancelVisibleMessage } from "@/lib/messages/submit";
import { toApiMessage } from "@/lib/queue/serialize";
import { auditAction } from "@/lib/audit/action";

// POST /api/messages/:id/cancel – cancel a pending (incl. scheduled) or failed message
export const POST = withAuth<{ id: string }>("cancel", async ({ req, params, principal, ...services }) => {
  const message = await cancelVisibleMessage(services, principal, params.id);
  await auditAction(services.db, principal, req, { action: "message.cancel", target: { kind: "message", id: message.id }, clientId: message.clientId });
  return json({ message: toApiMessage(message) });
});
