import assert from "node:assert/strict";
import { test } from "node:test";
import { assertCookieRequestAllowed, assertSameOrigin } from "../../lib/http/csrf";
import { AppError } from "../../lib/errors";

const PUBLIC = "https://herald.example.com";
const req = (method: string, headers: Record<string, string>, url = "http://127.0.0.1:3000/api/clients") =>
  new Request(url, { method, headers: { host: "127.0.0.1:3000", ...headers } });
const refused = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

test("a cookie mutation from this site with JSON passes: PUBLIC_URL's origin or the Host it was sent to", () => {
  assertCookieRequestAllowed(req("POST", { origin: PUBLIC, "content-type": "application/json" }), PUBLIC);
  assertCookieRequestAllowed(req("POST", { origin: "http://127.0.0.1:3000", "content-type": "application/json; charset=utf-8" }), PUBLIC);
  assertCookieRequestAllowed(req("PATCH", { referer: "http://127.0.0.1:3000/clients/1", "content-type": "application/json" }), PUBLIC);
});

test("another site, another port of this host, a null origin or none at all: 403", () => {
  for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "https://127.0.0.1:3000", "null"]) {
    assert.throws(() => assertCookieRequestAllowed(req("POST", { origin, "content-type": "application/json" }), PUBLIC), refused("FORBIDDEN"), origin);
  }
  assert.throws(() => assertCookieRequestAllowed(req("POST", { referer: "https://evil.example/page", "content-type": "application/json" }), PUBLIC), refused("FORBIDDEN"));
  assert.throws(() => assertCookieRequestAllowed(req("DELETE", { "content-type": "application/json" }), PUBLIC), refused("FORBIDDEN"));
});

test("a same-origin cookie mutation that is not JSON (a form, text/plain): 415", () => {
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
    assert.throws(() => assertCookieRequestAllowed(req("POST", { origin: PUBLIC, "content-type": type }), PUBLIC), refused("UNSUPPORTED_MEDIA_TYPE"), type);
  }
  assert.throws(() => assertCookieRequestAllowed(req("POST", { origin: PUBLIC }), PUBLIC), refused("UNSUPPORTED_MEDIA_TYPE"));
});

test("reads are not mutations", () => {
  assertCookieRequestAllowed(req("GET", { origin: "https://evil.example" }), PUBLIC);
});

test("login: another site's Origin is refused, a script without one is not", () => {
  assert.throws(() => assertSameOrigin(req("POST", { origin: "https://evil.example" }), PUBLIC, { required: false }), refused("FORBIDDEN"));
  assertSameOrigin(req("POST", {}), PUBLIC, { required: false });
});
