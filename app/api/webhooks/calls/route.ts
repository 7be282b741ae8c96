import { handleCallWebhook } from "@/lib/calls/webhook";
import { readRawBody, route } from "@/lib/http/route";

// POST /api/webhooks/calls – signed call events. server.ts answers this path itself
// (lib/http/call-webhook-listener.ts, without Next's per-request cost); this route is the
// same handler for a Next-only run.
export const POST = route(async ({ req, ...services }) => {
  const raw = await readRawBody(req);
  await handleCallWebhook(services, raw, req.headers.get("x-retell-signature"));
  return new Response(null, { status: 204 });
});
