// A request whose answer went out before its body was read (a 413, or a refusal that never
// needed the body) leaves the rest of that body on the wire: the connection cannot carry
// another request, and draining it would read a 600 MB upload to the end. So once such an
// answer is out, the connection is ended (FIN after the answer) and, shortly after, destroyed.
// The pause between lets the client read the answer before the reset that closing a socket
// with unread input sends (the "lingering close" of nginx and Apache).
import type { IncomingMessage, ServerResponse } from "node:http";

const LINGER_MS = 1_000;

export function closeIfAnsweredEarly(req: IncomingMessage, res: ServerResponse): void {
  // Say so in the answer: a client that was told keep-alive would send its next request on a
  // connection about to close, and get a hang-up. (Every answer's headers pass through
  // writeHead, the implicit ones included.)
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!req.complete && !this.headersSent) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
  res.once("finish", () => {
    if (req.complete) return;
    const socket = req.socket;
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
