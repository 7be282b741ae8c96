// The shared part of the local HTTP test doubles: a server on 127.0.0.1 (port 0) that
// records every request, and a script of faults keyed by recipient ("*" for everyone)
// that the tests set up: answer with an HTTP error, hang up, or never answer at all.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Fault = { status: number; body?: unknown; headers?: Record<string, string> } | { hangUp: true } | { stall: true };

export interface HttpDouble {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "hang up" | "stall";

export async function startHttpDouble(handle: (req: RecordedRequest) => Reply): Promise<HttpDouble> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(recorded);
      const reply = handle(recorded);
      if (reply === "hang up") return void req.socket.destroy();
      if (reply === "stall") return; // close() ends it
      send(res, reply.status, reply.body, reply.headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { ...(text && typeof body !== "string" ? { "Content-Type": "application/json" } : {}), ...headers });
  res.end(text);
}

/** Faults to play per recipient, each a number of times (default: until cleared). */
export class FaultScript {
  private faults = new Map<string, { fault: Fault; remaining: number }[]>();

  add(recipient: string, fault: Fault, times = Infinity): void {
    const list = this.faults.get(recipient) ?? [];
    list.push({ fault, remaining: times });
    this.faults.set(recipient, list);
  }

  clear(recipient?: string): void {
    if (recipient === undefined) this.faults.clear();
    else this.faults.delete(recipient);
  }

  /** The next fault for this recipient (or for "*"), consuming one play of it. */
  take(recipient: string): Fault | undefined {
    for (const key of [recipient, "*"]) {
      const list = this.faults.get(key);
      const next = list?.[0];
      if (!list || !next) continue;
      if (--next.remaining <= 0) list.shift();
      return next.fault;
    }
    return undefined;
  }
}

export function toReply(fault: Fault): Reply {
  return "hangUp" in fault ? "hang up" : "stall" in fault ? "stall" : fault;
}

/** A URL where nothing listens: connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
