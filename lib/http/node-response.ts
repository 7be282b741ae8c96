// Answers written straight to Node's response, for the paths server.ts serves before Next
// (lib/http/edge.ts): the same JSON and error bodies as the route handlers.
import type { ServerResponse } from "node:http";
import { errorOutcome } from "./route";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(res.req?.method === "HEAD" ? undefined : JSON.stringify(body));
}

/** Anything thrown, as API.md's error body (and logged when it is a 500). */
export function sendError(res: ServerResponse, err: unknown, where: string, headers: Record<string, string> = {}): void {
  const { status, body } = errorOutcome(err, where);
  sendJson(res, status, body, headers);
}
