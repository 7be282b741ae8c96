// A request whose answer went out before its body was read (a 413, or a refusal that never
// needed the body) leaves the rest of that body on the wire. It is read and thrown away, so a
// small remainder leaves the kept-alive connection usable for the client's next request
// (closing it under a client that was told keep-alive makes that request hang up). A remainder
// still arriving after LINGER_MS (a 600 MB upload) is not drained to the end: the connection is
// ended (FIN after the answer) and then destroyed. The pause lets the client read the answer
// before the reset that closing a socket with unread input sends (nginx's "lingering close").
import type { IncomingMessage, ServerResponse } from "node:http";

const LINGER_MS = 1_000;

export function closeIfAnsweredEarly(req: IncomingMessage, res: ServerResponse): void {
  res.once("finish", () => {
    if (req.complete) return;
    req.resume();
    setTimeout(() => {
      if (req.complete) return;
      const socket = req.socket;
      socket.end();
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    }, LINGER_MS).unref();
  });
}
