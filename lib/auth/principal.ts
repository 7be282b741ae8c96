// Who is calling: an admin (a console session or ADMIN_API_KEY) or one client (its own key).
// The one resolver: route handlers (lib/http/route.ts), pages (proxy.ts) and Socket.IO
// handshakes (lib/realtime/server.ts) all ask it. Authorization is a set of named
// predicates, so routes never re-derive it.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { getConfig } from "../config";
import { cachedClientBy } from "../clients/client-cache";
import { AppError } from "../errors";
import { SESSION_COOKIE, parseSessionToken, readCookie } from "./session";
import { findLiveSession } from "./sessions";

export type Principal =
  | { kind: "admin"; via: "session"; sessionId: string; userId: string | null }
  | { kind: "admin"; via: "key" }
  | { kind: "client"; clientId: string };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): { key: string; hash: string; prefix: string } {
  const key = `hk_${randomBytes(24).toString("base64url")}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 8) };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves credentials (a bearer key or the session cookie); null when there are none or they are wrong. */
export async function resolvePrincipal(db: Db, creds: { authorization?: string | null; cookie?: string | null; token?: string | null }): Promise<Principal | null> {
  const config = getConfig();
  const bearer = creds.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? creds.token ?? undefined;
  if (bearer) {
    if (config.ADMIN_API_KEY && safeEqual(bearer, config.ADMIN_API_KEY)) return { kind: "admin", via: "key" };
    // Every API call carries its key: the client it names is kept briefly (lib/clients/client-cache.ts),
    // by the key's hash. Rotating the key drops the entry at once in this process
    // (rotateClientKey), within the cache's TTL on other replicas; a wrong key is never cached.
    const apiKeyHash = hashApiKey(bearer);
    const client = await cachedClientBy(db, `key:${apiKeyHash}`, () => db.client.findUnique({ where: { apiKeyHash } }));
    return client && client.apiKeyHash === apiKeyHash ? { kind: "client", clientId: client.id } : null;
  }
  const token = parseSessionToken(readCookie(creds.cookie, SESSION_COOKIE));
  if (!token) return null;
  const session = await findLiveSession(db, token);
  return session ? { kind: "admin", via: "session", sessionId: session.id, userId: session.userId } : null;
}

export function canReadClient(p: Principal, clientId: string): boolean {
  return p.kind === "admin" || p.clientId === clientId;
}

export function assertCanReadClient(p: Principal, clientId: string): void {
  if (!canReadClient(p, clientId)) throw new AppError("FORBIDDEN", "this key may not use another client's data");
}

export function assertAdmin(p: Principal): void {
  if (p.kind !== "admin") throw new AppError("FORBIDDEN", "only an admin may do this");
}

/** The client a list should be limited to: the requested one (checked), or the caller's own. */
export function scopeClientId(p: Principal, requested: string | undefined): string | undefined {
  if (p.kind === "admin") return requested;
  if (requested && requested !== p.clientId) throw new AppError("FORBIDDEN", "this key may not read another client's data");
  return p.clientId;
}
