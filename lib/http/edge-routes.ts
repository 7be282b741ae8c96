// API routes that server.ts answers with their own route handlers, before Next.js: the same
// exported handler Next would run (auth, CSRF, body limits, errors: all in withAuth/route),
// given a Web Request built from Node's request, without Next's router, its per-request
// setup and its response compression. Kept for the routes callers hit hundreds of times a
// second (POST /api/messages): measured, Next's pipeline was ~15% of the main thread's time
// under 500 enqueues/s, the whole of what a trivial route costs.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

export type WebHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
/** `"<METHOD> <path>"` → handler; exact paths only (no parameters). */
export type EdgeRoutes = ReadonlyMap<string, WebHandler>;

const NO_PARAMS = { params: Promise.resolve({}) };

function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

function webRequest(req: IncomingMessage): Request {
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // A fixed origin, not the Host header: a malformed Host made `new Request` throw (a 500).
  // Nothing downstream reads the request's host; the cross-site rule compares Origin with PUBLIC_URL.
  return new Request(new URL(req.url ?? "/", "http://herald.internal"), {
    method,
    headers: webHeaders(req),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    ...(hasBody && { duplex: "half" }),
  } as RequestInit);
}

export function edgeRouteFor(routes: EdgeRoutes, method: string | undefined, path: string): WebHandler | undefined {
  return routes.get(`${method} ${path}`);
}

/** Runs a route handler for a Node request and writes its answer. */
export async function serveWebHandler(req: IncomingMessage, res: ServerResponse, handler: WebHandler): Promise<void> {
  const response = await handler(webRequest(req), NO_PARAMS);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const body = req.method === "HEAD" ? undefined : Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, body ? { ...headers, "content-length": String(body.length) } : headers);
  res.end(body);
}
