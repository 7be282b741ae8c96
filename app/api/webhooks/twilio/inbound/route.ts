import { readRawBody, route } from "@/lib/http/route";
import { handleTwilioInbound } from "@/lib/webhooks/twilio-inbound";

// POST /api/webhooks/twilio/inbound – replies and keywords (STOP/START/HELP); answers empty TwiML
export const POST = route(async ({ req, ...services }) => {
  const raw = await readRawBody(req);
  await handleTwilioInbound(services, raw, req.headers.get("content-type"), req.headers.get("x-twilio-signature"));
  return new Response("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", { status: 200, headers: { "Content-Type": "text/xml" } });
});
