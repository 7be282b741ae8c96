// ADMIN_PASSWORD, ADMIN_API_KEY and SESSION_SECRET, when unset, are generated at the
// first start, kept in data/secrets.json (mode 600) so a restart keeps them, and printed.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const NAMES = ["ADMIN_PASSWORD", "ADMIN_API_KEY", "SESSION_SECRET"] as const;
type Name = (typeof NAMES)[number];

function generate(name: Name): string {
  if (name === "ADMIN_PASSWORD") return randomBytes(9).toString("base64url");
  if (name === "ADMIN_API_KEY") return `hk_admin_${randomBytes(20).toString("hex")}`;
  return randomBytes(32).toString("hex");
}

/** Fills unset secrets into `env`; returns the ones generated just now. */
export function ensureSecrets(env: NodeJS.ProcessEnv, file = path.resolve("data/secrets.json")): Partial<Record<Name, string>> {
  const missing = NAMES.filter((n) => !env[n]);
  if (!missing.length) return {};
  const stored: Partial<Record<Name, string>> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const generated: Partial<Record<Name, string>> = {};
  for (const name of missing) {
    if (!stored[name]) stored[name] = generated[name] = generate(name);
    env[name] = stored[name];
  }
  if (Object.keys(generated).length) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return generated;
}
