// npm start builds the console only when .next is missing or older than a source it is built
// from (scripts/console-build.ts), so a restart takes seconds, not a ~90 s rebuild.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { staleReason } from "../../scripts/console-build";

function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "herald-build-"));
  mkdirSync(path.join(root, "app/messages"), { recursive: true });
  mkdirSync(path.join(root, "lib"), { recursive: true });
  writeFileSync(path.join(root, "app/messages/page.tsx"), "export default 1");
  writeFileSync(path.join(root, "lib/x.ts"), "export const x = 1");
  writeFileSync(path.join(root, "package.json"), "{}");
  return root;
}

const at = (file: string, secondsAgo: number) => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, t, t);
};

test("no build yet: build", () => {
  const root = project();
  try {
    assert.match(staleReason(root) ?? "", /no production build/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a build newer than every source is reused; a source edited after it (deep in a folder) makes it stale", () => {
  const root = project();
  try {
    mkdirSync(path.join(root, ".next"));
    for (const f of ["app/messages/page.tsx", "app/messages", "app", "lib/x.ts", "lib", "package.json"]) at(path.join(root, f), 60);
    writeFileSync(path.join(root, ".next/BUILD_ID"), "abc");
    assert.equal(staleReason(root), null);
    writeFileSync(path.join(root, "app/messages/page.tsx"), "export default 2");
    assert.match(staleReason(root) ?? "", /^app changed/);
    at(path.join(root, "app/messages/page.tsx"), 60);
    at(path.join(root, "app/messages"), 60);
    at(path.join(root, "app"), 60);
    assert.equal(staleReason(root), null);
    writeFileSync(path.join(root, "package-lock.json"), "{}"); // npm install
    assert.match(staleReason(root) ?? "", /^package-lock\.json changed/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
