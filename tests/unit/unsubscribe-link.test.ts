// Unsubscribe links in emails already sent are signed with SESSION_SECRET: they must keep
// working after a restart (a generated secret is read back from data/secrets.json) and after
// the admin password changes (the password is not part of the key).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ensureSecrets } from "../../lib/auth/secrets";
import { resetConfig } from "../../lib/config";
import { readUnsubscribeToken, unsubscribeHeaders, unsubscribeToken } from "../../lib/compliance/unsubscribe-link";

function start(given: Record<string, string>, file: string): void {
  const env = given as NodeJS.ProcessEnv;
  for (const name of ["ADMIN_PASSWORD", "ADMIN_API_KEY", "SESSION_SECRET"]) delete process.env[name];
  ensureSecrets(env, file);
  Object.assign(process.env, env);
  resetConfig();
}

test("a link signed with a generated SESSION_SECRET still works after a restart and after an admin password change", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "herald-secrets-"));
  const file = path.join(dir, "secrets.json");
  try {
    start({}, file);
    const token = unsubscribeToken("cli_1", "Pat@Example.com");
    assert.ok(token);
    start({}, file); // restart, nothing set
    assert.deepEqual(readUnsubscribeToken(token), { clientId: "cli_1", address: "pat@example.com" });
    start({ ADMIN_PASSWORD: "a-new-admin-password" }, file); // restart with the password changed
    assert.deepEqual(readUnsubscribeToken(token), { clientId: "cli_1", address: "pat@example.com" });
    rmSync(file); // the data directory lost: a new secret, old links refused (404), not mis-read
    start({}, file);
    assert.equal(readUnsubscribeToken(token), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the List-Unsubscribe mailto is UNSUBSCRIBE_MAILTO when set, else the sending address", () => {
  Object.assign(process.env, { SESSION_SECRET: "unsubscribe-link-test-secret-0123", PUBLIC_URL: "https://herald.example.com" });
  delete process.env.UNSUBSCRIBE_MAILTO;
  resetConfig();
  const mailtoOf = () => unsubscribeHeaders("cli_1", "pat@example.com", "Bright Smile <news@brightsmile.example>")["List-Unsubscribe"]!.match(/<mailto:([^?>]+)/)?.[1];
  assert.equal(mailtoOf(), "news@brightsmile.example");
  process.env.UNSUBSCRIBE_MAILTO = "optout@brightsmile.example";
  resetConfig();
  try {
    assert.equal(mailtoOf(), "optout@brightsmile.example");
    assert.match(unsubscribeHeaders("cli_1", "pat@example.com", null)["List-Unsubscribe"]!, /^<https:\/\/herald\.example\.com\/api\/unsubscribe\/[^>]+>, <mailto:optout@brightsmile\.example\?subject=unsubscribe%20/);
  } finally {
    delete process.env.UNSUBSCRIBE_MAILTO;
    resetConfig();
  }
});
