// Raw HTTP for the fuzz and crash tests: node:http, so that the test decides every byte
// (content types, no Content-Length, chunked bodies, odd methods) and every request has a
// deadline. A request never throws: it answers a status, or says it hung or broke.
import { Agent, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { connect, type Socket } from "node:net";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

/** The body as a client that sent Accept-Encoding reads it; a Content-Encoding that does not decode is a problem. */
function decodeBody(raw: Buffer, encoding: string | undefined): { body: string; encodingProblem?: string } {
  const e = (encoding ?? "").trim().toLowerCase();
  if (!e || e === "identity") return { body: raw.toString("utf8") };
  try {
    const decoded = e === "gzip" ? gunzipSync(raw) : e === "deflate" ? inflateSync(raw) : e === "br" ? brotliDecompressSync(raw) : undefined;
    if (!decoded) return { body: raw.toString("latin1"), encodingProblem: `unknown Content-Encoding ${e}` };
    return { body: decoded.toString("utf8") };
  } catch (err) {
    return { body: raw.toString("latin1"), encodingProblem: `Content-Encoding ${e}, but the ${raw.length}-byte body does not decode (${(err as Error).message})` };
  }
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
}

export type RawResult =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: string; ms: number; encodingProblem?: string }
  | { ok: false; problem: "timeout" | "error"; message: string; ms: number };

/** Kept-alive connections, bounded, as an API client holds them. */
export function createAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

export function send(base: string, req: RawRequest, opts: { agent?: Agent | false; timeoutMs?: number; onSocket?: (socket: Socket) => void } = {}): Promise<RawResult> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const started = performance.now();
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, "utf8");
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: RawResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const headers: OutgoingHttpHeaders = { ...req.headers };
    if (body !== undefined && headers["content-length"] === undefined && headers["transfer-encoding"] === undefined) headers["content-length"] = body.length;
    const out = request(base + req.path, { method: req.method, headers, agent: opts.agent ?? false });
    if (opts.onSocket) out.once("socket", opts.onSocket);
    const timer = setTimeout(() => {
      finish({ ok: false, problem: "timeout", message: `no answer within ${timeoutMs} ms`, ms: performance.now() - started });
      out.destroy();
    }, timeoutMs);
    out.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      const done = () => finish({ ok: true, status: res.statusCode ?? 0, headers: res.headers, ...decodeBody(Buffer.concat(chunks), res.headers["content-encoding"]), ms: performance.now() - started });
      res.on("end", done);
      res.on("error", done); // the server closed after answering: what arrived is the answer
    });
    out.on("error", (err) => finish({ ok: false, problem: "error", message: err.message, ms: performance.now() - started }));
    out.end(body);
  });
}

export interface StreamResult {
  result: RawResult;
  /** Bytes of body written before the answer came (or the deadline passed). */
  bytesSent: number;
}

/** Status, headers and body of an HTTP/1.1 answer once it is complete (Content-Length, chunked, or cut off at close). */
function parseAnswer(data: Buffer, closed: boolean): { status: number; headers: IncomingHttpHeaders; body: string } | null {
  const end = data.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const [statusLine, ...lines] = data.subarray(0, end).toString("latin1").split("\r\n");
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = data.subarray(end + 4);
  const length = headers["content-length"];
  if (length !== undefined) {
    if (body.length < Number(length) && !closed) return null;
    body = body.subarray(0, Number(length));
  } else if (String(headers["transfer-encoding"] ?? "").includes("chunked")) {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const eol = body.indexOf("\r\n", at);
      if (eol < 0) return closed ? { status: Number(statusLine!.split(" ")[1]), headers, body: Buffer.concat(parts).toString("utf8") } : null;
      const size = parseInt(body.subarray(at, eol).toString("latin1"), 16);
      if (size === 0) break;
      if (body.length < eol + 2 + size) return closed ? { status: Number(statusLine!.split(" ")[1]), headers, body: Buffer.concat(parts).toString("utf8") } : null;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 4 + size;
    }
    body = Buffer.concat(parts);
  } else if (!closed) {
    return null; // no length: the answer ends when the connection does
  }
  return { status: Number(statusLine!.split(" ")[1]), headers, body: body.toString("utf8") };
}

/**
 * Streams a chunked body (no Content-Length) of up to `maxBytes` at a steady pace over a raw
 * socket, and stops as soon as the server has answered: a server that reads to the end
 * before it checks the size answers late or never; one that counts as it reads answers once
 * the limit is passed. Raw, because a server that answers and closes while the body is still
 * coming makes node:http report the write's EPIPE instead of the answer it had received.
 */
export function streamChunked(
  base: string,
  req: Omit<RawRequest, "body">,
  opts: { maxBytes: number; chunkBytes?: number; everyMs?: number; timeoutMs?: number },
): Promise<StreamResult> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const chunk = Buffer.alloc(opts.chunkBytes ?? 64 * 1024, "a");
  const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
  const url = new URL(base);
  const started = performance.now();
  let bytesSent = 0;
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let settled = false;
    let writing = true;
    const socket = connect(Number(url.port), url.hostname);
    const finish = (result: RawResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ result, bytesSent });
    };
    const check = (closed: boolean) => {
      const answer = parseAnswer(Buffer.concat(received), closed);
      if (answer) finish({ ok: true, ...answer, ms: performance.now() - started });
      else if (closed) finish({ ok: false, problem: "error", message: `connection closed without an answer after ${bytesSent} bytes sent`, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish({ ok: false, problem: "timeout", message: `no answer within ${timeoutMs} ms`, ms: performance.now() - started }), timeoutMs);
    socket.on("data", (d: Buffer) => {
      received.push(d);
      check(false);
    });
    socket.on("error", () => (writing = false)); // EPIPE/ECONNRESET: what was received still counts
    socket.on("close", () => check(true));
    const headers = Object.entries({ ...req.headers, host: url.host, "transfer-encoding": "chunked", connection: "close" }).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    socket.write(`${req.method} ${req.path} HTTP/1.1\r\n${headers}\r\n`);
    socket.write('9\r\n{"body":"\r\n'); // a JSON-looking start, then filler inside a string that never closes
    const pump = () => {
      if (settled || !writing) return;
      if (bytesSent >= opts.maxBytes) return void socket.write('2\r\n"}\r\n0\r\n\r\n');
      bytesSent += chunk.length;
      const later = () => setTimeout(pump, opts.everyMs ?? 2);
      if (socket.write(framed)) later();
      else socket.once("drain", later);
    };
    pump();
  });
}
