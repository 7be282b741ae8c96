import { readRawBody, route } from "@/lib/http/route";
import { handleSendgridEvents } from "@/lib/webhooks/sendgrid-events";

// POST /api/webhooks/sendgrid – signed Event Webhook batches; each event applied once
export const POST = route(async ({ req, ...services }) => {
  const raw = await readRawBody(req);
  await handleSendgridEvents(
    services,
    raw,
    req.headers.get("x-twilio-email-event-webhook-signature"),
    req.headers.get("x-twilio-email-event-webhook-timestamp"),
  );
  return new Response(null, { status: 204 });
});
