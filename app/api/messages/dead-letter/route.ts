import { json, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { listDeadLetter } from "@/lib/queue/list";
import { toApiMessage } from "@/lib/queue/serialize";
import { clientScopeSchema } from "@/lib/schemas/message";

// GET /api/messages/dead-letter – newest dead-lettered first, with the reason
export const GET = withAuth("read", async ({ req, principal, db }) => {
  const query = parseQuery(req, clientScopeSchema);
  const { messages, total } = await listDeadLetter(db, { clientId: scopeClientId(principal, query.clientId) });
  return json({ messages: messages.map(toApiMessage), total });
});
