import { json, parseBody, parseQuery, withAuth } from "@/lib/http/route";
import { scopeClientId } from "@/lib/auth/principal";
import { submitMessage } from "@/lib/messages/submit";
import { listMessages } from "@/lib/queue/list";
import { toApiMessage } from "@/lib/queue/serialize";
import { listQuerySchema, messageInputSchema } from "@/lib/schemas/message";
import { AppError } from "@/lib/errors";
import { auditIfUser } from "@/lib/audit/action";

// POST /api/messages – enqueue one message (idempotent with Idempotency-Key)
export const POST = withAuth("send", async ({ req, principal, ...services }) => {
  const input = await parseBody(req, messageInputSchema);
  const key = req.headers.get("idempotency-key") ?? undefined;
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    throw new AppError("VALIDATION_FAILED", "Idempotency-Key: 1 to 200 characters", [{ path: "Idempotency-Key", message: "1 to 200 characters" }]);
  }
  const { message, created } = await submitMessage(services, principal, input, key);
  // A console user's compose is a human action; an API key's enqueue is machine traffic and stays unaudited (the hot path).
  if (created) await auditIfUser(services.db, principal, req, { action: "message.compose", target: { kind: "message", id: message.id }, clientId: message.clientId });
  return json({ message: toApiMessage(message) }, 202, created ? {} : { "Idempotent-Replayed": "true" });
});

// GET /api/messages – newest first, keyset-paginated, filtered
export const GET = withAuth("read", async ({ req, principal, database }) => {
  const query = parseQuery(req, listQuerySchema);
  query.clientId = scopeClientId(principal, query.clientId);
  const { messages, nextCursor } = await listMessages(database, query);
  return json({ messages: messages.map(toApiMessage), nextCursor });
});
