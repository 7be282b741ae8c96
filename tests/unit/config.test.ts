import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../lib/config";

test("PUBLIC_URL follows PORT unless it is set", () => {
  assert.equal(parseConfig({ PORT: "3500" }).PUBLIC_URL, "http://localhost:3500");
  assert.equal(parseConfig({ PORT: "3500", PUBLIC_URL: "https://herald.example.com" }).PUBLIC_URL, "https://herald.example.com");
});

test("defaults match API.md", () => {
  const c = parseConfig({});
  assert.equal(c.DATABASE_URL, "file:./data/herald.db");
  assert.equal(c.PORT, 3000);
  assert.equal(c.PUBLIC_URL, "http://localhost:3000");
  assert.equal(c.WORKER_ENABLED, true);
  assert.equal(c.WORKER_INTERVAL_MS, 1000);
  assert.equal(c.WORKER_BATCH_SIZE, 50);
  assert.equal(c.WORKER_CONCURRENCY, 10);
  assert.equal(c.RETRY_MAX_ATTEMPTS, 3);
  assert.equal(c.RETRY_INTERVAL_MS, 60000);
  assert.equal(c.MAX_BODY_BYTES, 1024 * 1024);
});

test("values are coerced and chains split", () => {
  const c = parseConfig({ PORT: "8080", WORKER_ENABLED: "false", SMS_PROVIDERS: "twilio, http", DATABASE_URL: "postgresql://u@h/db" });
  assert.equal(c.PORT, 8080);
  assert.equal(c.WORKER_ENABLED, false);
  assert.deepEqual(c.SMS_PROVIDERS, ["twilio", "http"]);
});

test("a bad value names the variable", () => {
  assert.throws(() => parseConfig({ WORKER_BATCH_SIZE: "lots" }), /WORKER_BATCH_SIZE/);
  assert.throws(() => parseConfig({ DATABASE_URL: "mysql://x" }), /DATABASE_URL/);
  assert.throws(() => parseConfig({ WORKER_ENABLED: "maybe" }), /WORKER_ENABLED/);
  assert.throws(() => parseConfig({ PUBLIC_URL: "not a url" }), /PUBLIC_URL/);
});
