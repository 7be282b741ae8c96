import { getDb } from "@/lib/db";
import { handleCallWebhook } from "@/lib/calls/webhook";
import { readRawBody, route } from "@/lib/http/route";

// POST /api/webhooks/calls – signed call events; records once, plans follow-ups, answers 204 fast
export const POST = route(async ({ req }) => {
  const raw = await readRawBody(req);
  await handleCallWebhook(await getDb(), raw, req.headers.get("x-retell-signature"));
  return new Response(null, { status: 204 });
});
