// .env.example is the configuration's reference: every variable lib/config.ts reads is listed,
// and copying it changes nothing (no value that differs from the default; no provider chain
// pinned to the sandbox, which would keep real providers out once credentials are added).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { configSchema, parseConfig } from "../../lib/config";

const file = path.resolve(import.meta.dirname, "../../.env.example");
const entries = new Map(
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l))
    .map((l) => {
      const [name, ...rest] = l.split("=");
      return [name!, rest.join("=").replace(/^"(.*)"$/, "$1")] as const;
    }),
);

test("every variable the configuration reads is in .env.example, and nothing else", () => {
  const read = Object.keys(configSchema.shape).sort();
  assert.deepEqual(read.filter((k) => !entries.has(k)), [], "missing from .env.example");
  assert.deepEqual([...entries.keys()].filter((k) => !read.includes(k)), [], "in .env.example but never read");
});

test("copying .env.example gives the defaults: no sandbox pinned", () => {
  for (const chain of ["SMS_PROVIDERS", "WHATSAPP_PROVIDERS", "EMAIL_PROVIDERS"]) assert.equal(entries.get(chain), "", `${chain} is left unset`);
  const copied = parseConfig(Object.fromEntries(entries));
  assert.deepEqual(copied, parseConfig({}));
  const withTwilio = parseConfig({ ...Object.fromEntries(entries), TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "t" });
  assert.equal(withTwilio.SMS_PROVIDERS, undefined, "credentials added to a copy choose the real provider");
});
