import { readRawBody, route } from "@/lib/http/route";
import { handleTwilioStatus } from "@/lib/webhooks/twilio-status";

// POST /api/webhooks/twilio/status – signed status callbacks; idempotent, statuses only move forward
export const POST = route(async ({ req, ...services }) => {
  const raw = await readRawBody(req);
  await handleTwilioStatus(services, raw, req.headers.get("content-type"), req.headers.get("x-twilio-signature"));
  return new Response(null, { status: 204 });
});
