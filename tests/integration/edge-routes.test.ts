// The edge (lib/http/edge-routes.ts) hands a route handler a Web Request built from Node's:
// whatever the Host header says, the handler runs and its answer is written whole.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { serveWebHandler, type WebHandler } from "../../lib/http/edge-routes";

const echo: WebHandler = async (req) => Response.json({ path: new URL(req.url).pathname, query: new URL(req.url).search, body: await req.text() });
const server = createServer((req, res) => void serveWebHandler(req, res, echo).catch(() => res.writeHead(500).end("failed")));
let port = 0;
before(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => ((port = (server.address() as AddressInfo).port), resolve()))));
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One raw HTTP/1.1 exchange, so the Host header can be anything. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(request));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

for (const host of ["bad host:1:2", "[::1", "%zz", ""]) {
  test(`a request with Host ${JSON.stringify(host)} reaches the handler`, async () => {
    const body = '{"a":1}';
    const answer = await raw(`POST /api/messages?x=1 HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
    assert.match(answer, /^HTTP\/1\.1 200/, answer);
    assert.deepEqual(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)), { path: "/api/messages", query: "?x=1", body });
  });
}
