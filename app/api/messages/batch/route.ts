import { json, parseBody, withAuth } from "@/lib/http/route";
import { submitBatch } from "@/lib/messages/submit";
import { toApiMessage } from "@/lib/queue/serialize";
import { batchInputSchema } from "@/lib/schemas/message";
import { auditIfUser } from "@/lib/audit/action";

// POST /api/messages/batch – enqueue up to 1,000 messages; valid items are accepted even when others fail
export const POST = withAuth("send", async ({ req, principal, ...services }) => {
  const { messages } = await parseBody(req, batchInputSchema);
  const results = await submitBatch(services, principal, messages);
  // One row per message a console user composed; an API key's batch is machine traffic (not audited).
  if (principal.kind === "user") {
    for (const r of results) {
      if ("message" in r && r.created !== false) await auditIfUser(services.db, principal, req, { action: "message.compose", target: { kind: "message", id: r.message.id }, clientId: r.message.clientId });
    }
  }
  return json({
    results: results.map((r) => ("message" in r ? { index: r.index, message: toApiMessage(r.message) } : r)),
  }, 202);
});
