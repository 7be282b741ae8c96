import { json, withAuth } from "@/lib/http/route";
import { getVisibleMessage } from "@/lib/messages/submit";
import { getMessageDetail } from "@/lib/queue/list";
import { toApiAttempt, toApiMessage, withQueuedEntry } from "@/lib/queue/serialize";
import { messageAudit } from "@/lib/audit/list";

// GET /api/messages/:id – one message with its attempt log, status history and audit entries
// (who edited, retried, cancelled it: anyone who may read the message may read these)
export const GET = withAuth<{ id: string }>("read", async ({ params, principal, database, db }) => {
  await getVisibleMessage(database, principal, params.id);
  const detail = (await getMessageDetail(db, params.id))!;
  return json({
    message: { ...toApiMessage(detail), attemptLog: detail.attempt.map(toApiAttempt), history: withQueuedEntry(detail, detail.history), audit: await messageAudit(db, params.id) },
  });
});
