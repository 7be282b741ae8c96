// The console benchmark (`npm run bench:console`, not part of `npm test`): the e2e browser setup,
// without the shared webServer, since the benchmark starts its own server on a seeded database.
import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

export default defineConfig({
  ...e2e,
  testDir: "tests/bench",
  testMatch: "*.bench.ts",
  outputDir: "tests/.artifacts/bench-results",
  timeout: 15 * 60_000,
  webServer: undefined,
});
