import { json, parseBody, withAuth } from "@/lib/http/route";
import { getVisibleMessage, retryVisibleMessage } from "@/lib/messages/submit";
import { toApiMessage } from "@/lib/queue/serialize";
import { retryEditSchema } from "@/lib/schemas/message";
import { auditAction } from "@/lib/audit/action";
import { diffFields } from "@/lib/audit/record";

// POST /api/messages/:id/retry – re-queue a failed or dead-lettered message, optionally edited
// (audited as message.retry, or message.edit_retry with the edited fields' before/after)
export const POST = withAuth<{ id: string }>("retry", async ({ req, params, principal, ...services }) => {
  const edit = await parseBody(req, retryEditSchema, { optional: true });
  const before = await getVisibleMessage(services.database, principal, params.id);
  const message = await retryVisibleMessage(services, principal, params.id, edit);
  const changes = diffFields(before, message, Object.keys(edit));
  await auditAction(services.db, principal, req, {
    action: changes ? "message.edit_retry" : "message.retry",
    target: { kind: "message", id: message.id },
    clientId: message.clientId,
    changes,
  });
  return json({ message: toApiMessage(message) });
});
