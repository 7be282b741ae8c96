// POST /api/webhooks/calls served straight from Node's HTTP server, before Next.js: the
// call platform posts an event for every call, and Next's request pipeline alone costs
// several milliseconds of CPU per request. Same handler and error body as the route.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getContext, servicesOf } from "../context";
import { handleCallWebhook } from "../calls/webhook";
import { readNodeBody } from "./body";
import { assertJsonDepth } from "./json-depth";
import { sendError } from "./node-response";

export const CALL_WEBHOOK_PATH = "/api/webhooks/calls";

export function isCallWebhook(req: IncomingMessage): boolean {
  if (req.method !== "POST" || !req.url) return false;
  const path = req.url.split("?", 1)[0];
  return path === CALL_WEBHOOK_PATH || path === `${CALL_WEBHOOK_PATH}/`;
}

export async function serveCallWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const ctx = getContext();
    const raw = await readNodeBody(req, ctx.config.MAX_BODY_BYTES);
    assertJsonDepth(raw);
    const signature = req.headers["x-retell-signature"];
    await handleCallWebhook(await servicesOf(ctx), raw, typeof signature === "string" ? signature : null);
    res.writeHead(204).end();
  } catch (err) {
    sendError(res, err, `POST ${CALL_WEBHOOK_PATH}`);
  }
}
