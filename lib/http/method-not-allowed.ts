// 405 in API.md's error body, with Allow, for every API route. Next decides that a route does
// not export the method and answers an empty 405; rather than wrap some forty handlers, server.ts
// (lib/http/edge.ts) rewrites that answer on its way out. The Allow list comes from Next as well:
// for an OPTIONS request it answers with the route's methods (its documented automatic OPTIONS),
// so one OPTIONS to this same server, made only when a 405 happens, gives the exact list.
import { request, type IncomingMessage, type ServerResponse } from "node:http";

const ALLOW_TIMEOUT_MS = 1_000;

function askAllowedMethods(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = request(
      { hostname: req.socket.localAddress, port: req.socket.localPort, method: "OPTIONS", path: req.url, headers: { host: req.headers.host ?? "localhost" }, timeout: ALLOW_TIMEOUT_MS },
      (answer) => {
        answer.resume();
        const allow = answer.headers.allow;
        resolve(typeof allow === "string" && allow ? allow : undefined);
      },
    );
    probe.on("timeout", () => probe.destroy());
    probe.on("error", () => resolve(undefined));
    probe.end();
  });
}

type Fn = (this: ServerResponse, ...args: unknown[]) => unknown;

function isEmpty(chunk: unknown): boolean {
  return chunk === undefined || chunk === null || typeof chunk === "function" || (typeof chunk === "string" || chunk instanceof Uint8Array ? chunk.length === 0 : false);
}

/**
 * Watches an API answer. A 405's head is held back until its body shows: Next's own (empty)
 * 405 then goes out as the error body with Allow; a 405 with a body of its own is left alone.
 * The wrappers stay in place once they have decided (Next's compression wraps these same
 * methods after us, so putting the originals back would cut it out); they just pass through.
 */
export function rewriteMethodNotAllowed(req: IncomingMessage, res: ServerResponse): void {
  const writeHead = res.writeHead as Fn;
  const write = res.write as Fn;
  const end = res.end as Fn;
  let state: "watching" | "held" | "passing" = "watching";
  let heldHead: unknown[] = [];
  const release = () => {
    if (state === "held") writeHead.apply(res, heldHead);
    state = "passing";
  };

  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (state === "watching" && args[0] === 405) {
      state = "held";
      heldHead = args;
      return this;
    }
    if (state === "watching") state = "passing";
    return writeHead.apply(this, args);
  } as typeof res.writeHead;

  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (state === "held" && isEmpty(args[0])) return true;
    release();
    return write.apply(this, args);
  } as typeof res.write;

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const empty405 = state === "held" || (state === "watching" && res.statusCode === 405 && !res.headersSent);
    if (!empty405 || !isEmpty(args[0])) {
      release();
      return end.apply(this, args);
    }
    state = "passing";
    void askAllowedMethods(req).then((allow) => {
      const path = req.url?.split("?", 1)[0];
      const body = JSON.stringify({ error: { code: "METHOD_NOT_ALLOWED", message: `${req.method} is not allowed on ${path}${allow ? ` (allowed: ${allow})` : ""}` } });
      const headers: Record<string, string> = { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) };
      if (allow) headers.Allow = allow;
      res.removeHeader("Transfer-Encoding");
      writeHead.call(res, 405, headers);
      end.call(res, req.method === "HEAD" ? undefined : body);
    });
    return this;
  } as typeof res.end;
}
