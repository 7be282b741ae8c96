// POST /api/webhooks/calls served straight from Node's HTTP server, before Next.js: the
// call platform posts an event for every call, and Next's request pipeline alone costs
// several milliseconds of CPU per request. Same handler and error body as the route.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getContext } from "../context";
import { AppError } from "../errors";
import { handleCallWebhook } from "../calls/webhook";
import { errorOutcome } from "./route";

export const CALL_WEBHOOK_PATH = "/api/webhooks/calls";

export function isCallWebhook(req: IncomingMessage): boolean {
  if (req.method !== "POST" || !req.url) return false;
  const path = req.url.split("?", 1)[0];
  return path === CALL_WEBHOOK_PATH || path === `${CALL_WEBHOOK_PATH}/`;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) return reject(new AppError("PAYLOAD_TOO_LARGE", `body over ${limit} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new AppError("PAYLOAD_TOO_LARGE", `body over ${limit} bytes`));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function serveCallWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const raw = await readBody(req, getContext().config.MAX_BODY_BYTES);
    const signature = req.headers["x-retell-signature"];
    await handleCallWebhook(await getContext().database(), raw, typeof signature === "string" ? signature : null);
    res.writeHead(204).end();
  } catch (err) {
    const { status, body } = errorOutcome(err, `POST ${CALL_WEBHOOK_PATH}`);
    if (!res.headersSent) res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }
}
