import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { listScheduled } from "@/lib/queue/list";
import { toApiMessage } from "@/lib/queue/serialize";
import { scheduledQuerySchema } from "@/lib/schemas/message";

// GET /api/messages/scheduled – pending messages due in the next N hours, soonest first
export const GET = withAuth(async ({ req, principal, db }) => {
  const query = parseQuery(req, scheduledQuerySchema);
  const { messages, total } = await listScheduled(db, { hours: query.hours, clientId: scopeClientId(principal, query.clientId) });
  return json({ messages: messages.map(toApiMessage), total });
});
