// Every HTTP request passes here first (server.ts), before Next.js: the one place where the
// rules that hold for every answer are applied, so no route can forget them.
//  - the caller's address is stamped on the request (lib/http/client-address.ts);
//  - security headers on every answer, and a CSP nonce for pages (lib/http/security-headers.ts);
//  - a Content-Length over MAX_BODY_BYTES is refused before anything reads the body, and a
//    connection whose answer went out before its body was read is closed (lib/http/connection.ts);
//    bodies without Content-Length are bounded by their readers while they stream (lib/http/body.ts);
//  - GET /api/health and POST /api/webhooks/calls are answered here, outside Next's pipeline,
//    and so are the hot API routes server.ts names, with their own handlers (lib/http/edge-routes.ts);
//  - an API route's 405 gets the error body and Allow (lib/http/method-not-allowed.ts);
//  - what goes on to Next starts a few requests per event-loop turn (lib/http/turns.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { hasUnstorableText } from "./clean-text";
import { declaresTooLarge, payloadTooLarge } from "./body";
import { isCallWebhook, serveCallWebhook } from "./call-webhook-listener";
import { edgeRouteFor, serveWebHandler, type EdgeRoutes } from "./edge-routes";
import { stampClientAddress } from "./client-address";
import { closeIfAnsweredEarly } from "./connection";
import { HEALTH_PATH, serveHealth } from "./health";
import { rewriteMethodNotAllowed } from "./method-not-allowed";
import { sendError } from "./node-response";
import { isApiPath, securityHeaders } from "./security-headers";
import { takeTurn } from "./turns";
import { metrics, webhookSourceOf } from "../metrics";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function pathOf(url: string | undefined): string {
  const path = (url ?? "/").split("?", 1)[0]!;
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

function decodesCleanly(url: string | undefined): boolean {
  try {
    return !hasUnstorableText(decodeURIComponent(url ?? "/"));
  } catch {
    return false;
  }
}

export async function serveEdge(req: IncomingMessage, res: ServerResponse, next: NextHandler, routes: EdgeRoutes = new Map()): Promise<void> {
  const path = pathOf(req.url);
  try {
    const config = getConfig();
    stampClientAddress(req, config.TRUST_PROXY);
    const { response, requestPolicy } = securityHeaders(path, config);
    for (const [name, value] of Object.entries(response)) res.setHeader(name, value);
    // Next reads the nonce for its own inline scripts from the request's policy.
    if (requestPolicy) req.headers["content-security-policy"] = requestPolicy;
    else delete req.headers["content-security-policy"];
    closeIfAnsweredEarly(req, res);
    const webhook = req.method === "POST" ? webhookSourceOf(path) : undefined;
    if (webhook) metrics().webhooksReceived.inc({ source: webhook });
    // A malformed percent-escape (`%ZZ`, `q=%`) would be a 500 from Next's own URL decoding.
    if (!decodesCleanly(req.url)) {
      return sendError(res, new AppError("VALIDATION_FAILED", "the URL has a malformed percent-escape or a NUL character (write % as %25)"), `${req.method} ${path}`);
    }
    if (declaresTooLarge(req.headers["content-length"], config.MAX_BODY_BYTES)) {
      return sendError(res, payloadTooLarge(config.MAX_BODY_BYTES), `${req.method} ${path}`, { Connection: "close" });
    }
    if (path === HEALTH_PATH) return await serveHealth(req, res);
    if (isCallWebhook(req)) return await serveCallWebhook(req, res);
    const own = edgeRouteFor(routes, req.method, path);
    if (!own && isApiPath(path)) rewriteMethodNotAllowed(req, res);
    await takeTurn();
    if (own) return await serveWebHandler(req, res, own);
    await next(req, res);
  } catch (err) {
    sendError(res, err, `${req.method} ${path}`);
  }
}
