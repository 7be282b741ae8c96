// Request bodies are bounded while they stream: the limit (MAX_BODY_BYTES) is checked on
// every chunk, so a chunked upload without Content-Length costs at most the limit in memory
// however long it goes on. Past the limit the reader stops reading; it never cancels the
// stream, because cancelling destroys the socket before the 413 could be written.
// server.ts then closes the connection once the answer is out (lib/http/connection.ts).
import type { IncomingMessage } from "node:http";
import { AppError } from "../errors";

export function payloadTooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `body over ${limit} bytes`);
}

/** True when a Content-Length header already announces more than the limit. */
export function declaresTooLarge(contentLength: string | string[] | null | undefined, limit: number): boolean {
  const value = Array.isArray(contentLength) ? contentLength[0] : contentLength;
  return value != null && Number(value) > limit;
}

/** A route handler's body (a web stream), as text, refused once it passes `limit` bytes. */
export async function readWebBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A Node request's body (the paths server.ts serves itself), as text, refused once it passes `limit` bytes. */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (declaresTooLarge(req.headers["content-length"], limit)) return reject(payloadTooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      req.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      reject(payloadTooLarge(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    const onClose = () => onError(new Error("the request was aborted before its body arrived"));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}
