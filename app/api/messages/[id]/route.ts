import { json, withAuth } from "@/lib/http/route";
import { getVisibleMessage } from "@/lib/messages/submit";
import { getMessageDetail } from "@/lib/queue/list";
import { toApiAttempt, toApiMessage, withQueuedEntry } from "@/lib/queue/serialize";

// GET /api/messages/:id – one message with its attempt log and status history
export const GET = withAuth<{ id: string }>("read", async ({ params, principal, database, db }) => {
  await getVisibleMessage(database, principal, params.id);
  const detail = (await getMessageDetail(db, params.id))!;
  return json({
    message: { ...toApiMessage(detail), attemptLog: detail.attempt.map(toApiAttempt), history: withQueuedEntry(detail, detail.history) },
  });
});
