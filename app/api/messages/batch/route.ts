import { json, parseBody, withAuth } from "@/lib/http/route";
import { submitBatch } from "@/lib/messages/submit";
import { toApiMessage } from "@/lib/queue/serialize";
import { batchInputSchema } from "@/lib/schemas/message";

// POST /api/messages/batch – enqueue up to 1,000 messages; valid items are accepted even when others fail
export const POST = withAuth("send", async ({ req, principal, ...services }) => {
  const { messages } = await parseBody(req, batchInputSchema);
  const results = await submitBatch(services, principal, messages);
  return json({
    results: results.map((r) => ("message" in r ? { index: r.index, message: toApiMessage(r.message) } : r)),
  }, 202);
});
