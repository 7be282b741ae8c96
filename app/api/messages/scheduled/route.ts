import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { listScheduled } from "@/lib/queue/scheduled";
import { toApiScheduled } from "@/lib/queue/serialize";
import { scheduledQuerySchema } from "@/lib/schemas/message";

// GET /api/messages/scheduled – pending messages that go in the next N hours (or in from–until),
// by when they will really go (goesAt: the held time when quiet or business hours hold them)
export const GET = withAuth("read", async ({ req, principal, database }) => {
  const query = parseQuery(req, scheduledQuerySchema);
  const { messages, total, truncated, nextCursor } = await listScheduled(database, { ...query, clientId: scopeClientId(principal, query.clientId) });
  return json({ messages: messages.map(toApiScheduled), total, truncated, nextCursor });
});
