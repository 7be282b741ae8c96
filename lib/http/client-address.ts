// The caller's address, for the login rate limit and the session list. server.ts stamps it
// on every request from the socket (or, with TRUST_PROXY, from the last X-Forwarded-For
// entry, the one the proxy in front appended), replacing whatever the caller sent, so a
// route handler can trust the header.
import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-herald-client-address";

export function stampClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  const forwarded = req.headers["x-forwarded-for"];
  const last = trustProxy && typeof forwarded === "string" ? forwarded.split(",").at(-1)?.trim() : undefined;
  req.headers[CLIENT_ADDRESS_HEADER] = last || req.socket.remoteAddress || "unknown";
}

export function clientAddressOf(req: Request): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
