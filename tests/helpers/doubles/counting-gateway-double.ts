// The generic HTTP SMS gateway (as http-gateway-double.ts speaks it) for the crash tests: it
// answers after a small random delay, so that sends are really in flight when the server
// dies, and it counts what it received per messageId, with the Idempotency-Key header each
// send carried. A send counts when the gateway has the whole request: that is when a real
// gateway would hand the SMS on, whether or not its answer ever reaches Herald.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { GATEWAY_TOKEN, type GatewaySms } from "./http-gateway-double";

export interface GatewaySend {
  messageId: string;
  to: string;
  /** The Idempotency-Key header, or null when the send carried none. */
  idempotencyKey: string | null;
  /** The request's path: senders given different URLs (replicas, say) can be told apart. */
  path: string;
  at: number;
}

export interface CountingGateway {
  url: string;
  /** Every send, in the order received. */
  sends: GatewaySend[];
  /** Sends per messageId. */
  byMessage: Map<string, GatewaySend[]>;
  /** Requests received and not yet answered. */
  inFlight(): number;
  close(): Promise<void>;
}

export async function startCountingGateway(opts: { minDelayMs?: number; maxDelayMs?: number; token?: string } = {}): Promise<CountingGateway> {
  const min = opts.minDelayMs ?? 20;
  const max = opts.maxDelayMs ?? 50;
  const token = opts.token ?? GATEWAY_TOKEN;
  const sends: GatewaySend[] = [];
  const byMessage = new Map<string, GatewaySend[]>();
  let pending = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const reply = (status: number, body: unknown) => {
        if (!res.destroyed) res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { error: { code: "unauthorized", message: "bad token" } });
      let sms: GatewaySms;
      try {
        sms = JSON.parse(Buffer.concat(chunks).toString("utf8")) as GatewaySms;
      } catch {
        return reply(400, { error: { code: "bad_request", message: "not JSON" } });
      }
      const key = req.headers["idempotency-key"];
      const send: GatewaySend = { messageId: sms.messageId, to: sms.to, idempotencyKey: typeof key === "string" ? key : null, path: req.url ?? "", at: Date.now() };
      sends.push(send);
      const list = byMessage.get(sms.messageId) ?? [];
      list.push(send);
      byMessage.set(sms.messageId, list);
      pending += 1;
      setTimeout(() => {
        pending -= 1;
        reply(200, { id: `gw-${sends.length}` });
      }, min + Math.random() * (max - min));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    sends,
    byMessage,
    inFlight: () => pending,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
