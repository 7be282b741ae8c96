// The account page names a session's browser the way its owner would recognise it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { describeUserAgent } from "../../components/account/user-agent";

test("common browsers read as browser on system", () => {
  assert.equal(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"), "Chrome on Linux");
  assert.equal(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36"), "Chrome on Linux");
  assert.equal(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"), "Edge on Windows");
  assert.equal(describeUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"), "Safari on macOS");
  assert.equal(describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"), "Safari on iPhone");
  assert.equal(describeUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"), "Chrome on Android");
  assert.equal(describeUserAgent("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0"), "Firefox on Linux");
});

test("no header or an unknown one still reads as something short", () => {
  assert.equal(describeUserAgent(null), "Unknown browser");
  assert.equal(describeUserAgent(""), "Unknown browser");
  assert.equal(describeUserAgent("curl/8.5.0"), "curl");
  assert.equal(describeUserAgent("SomeBot/1.0 (+https://example.com/a-very-long-address-that-goes-on)"), "SomeBot/1.0 (+https://example.com/a-very…");
});
