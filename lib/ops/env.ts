// The .env files, read by every step that needs the configuration (server.ts, npm run
// db:migrate, the start script), the way Next reads them: .env.<NODE_ENV>.local, .env.local
// (not under test), .env.<NODE_ENV>, .env; a variable already in the environment wins.
// Relative paths in it (DATABASE_URL=file:./data/...) are relative to the working directory.
import nextEnv from "@next/env";

export function loadEnvFiles(dir = process.cwd()): void {
  const quiet = { info: () => {}, error: (...args: unknown[]) => console.error(...args) };
  nextEnv.loadEnvConfig(dir, process.env.NODE_ENV !== "production", quiet, true);
}
