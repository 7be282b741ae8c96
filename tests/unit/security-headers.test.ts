import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../lib/config";
import { securityHeaders } from "../../lib/http/security-headers";

const config = parseConfig({ NODE_ENV: "production", WIDGET_FRAME_ANCESTORS: "https://clinic.example https://*.clinic.example" });

test("a page: a fresh nonce per request, no framing, and Next sees the same policy on the request", () => {
  const a = securityHeaders("/messages", config);
  const b = securityHeaders("/messages", config);
  const csp = a.response["Content-Security-Policy"]!;
  assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic';/);
  assert.doesNotMatch(csp, /unsafe-eval/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(a.requestPolicy, csp);
  assert.notEqual(csp, b.response["Content-Security-Policy"]);
  assert.equal(a.response["X-Frame-Options"], "DENY");
  assert.equal(a.response["X-Content-Type-Options"], "nosniff");
  assert.equal(a.response["Referrer-Policy"], "same-origin");
});

test("the API: nothing to load, nothing may frame it; build assets get no policy", () => {
  const api = securityHeaders("/api/messages", config);
  assert.equal(api.response["Content-Security-Policy"], "default-src 'none'; frame-ancestors 'none'");
  assert.equal(api.requestPolicy, null);
  assert.equal(securityHeaders("/_next/static/chunks/x.js", config).response["Content-Security-Policy"], undefined);
});

test("the widget may be framed by WIDGET_FRAME_ANCESTORS only, without X-Frame-Options", () => {
  for (const path of ["/widget/conv_1", "/api/v1/widget/send"]) {
    const { response } = securityHeaders(path, config);
    assert.match(response["Content-Security-Policy"]!, /frame-ancestors https:\/\/clinic\.example https:\/\/\*\.clinic\.example/);
    assert.equal(response["X-Frame-Options"], undefined);
  }
  assert.match(securityHeaders("/widgets-admin", config).response["Content-Security-Policy"]!, /frame-ancestors 'none'/);
});

test("WIDGET_FRAME_ANCESTORS: 'self' by default, bare keywords quoted, anything that could rewrite the policy refused", () => {
  assert.deepEqual(parseConfig({}).WIDGET_FRAME_ANCESTORS, ["'self'"]);
  assert.deepEqual(parseConfig({ WIDGET_FRAME_ANCESTORS: "self, https://a.example:8443" }).WIDGET_FRAME_ANCESTORS, ["'self'", "https://a.example:8443"]);
  assert.throws(() => parseConfig({ WIDGET_FRAME_ANCESTORS: "https://a.example; script-src *" }), /WIDGET_FRAME_ANCESTORS/);
});

test("over https: HSTS and upgrade-insecure-requests", () => {
  const https = parseConfig({ NODE_ENV: "production", PUBLIC_URL: "https://herald.example.com" });
  const { response } = securityHeaders("/", https);
  assert.equal(response["Strict-Transport-Security"], "max-age=31536000");
  assert.match(response["Content-Security-Policy"]!, /upgrade-insecure-requests/);
});
