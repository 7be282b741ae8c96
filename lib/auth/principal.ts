// Who is calling: a console user (a session), the admin API key, or one client (its own key).
// The one resolver: route handlers (lib/http/route.ts), pages (proxy.ts) and Socket.IO
// handshakes (lib/realtime/server.ts) all ask it. What a caller may do is its role's row in
// lib/auth/permissions.ts; whose data it may touch is its scope, asked through the predicates
// below, so routes never re-derive either.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { getConfig } from "../config";
import { cachedClientBy } from "../clients/client-cache";
import { AppError } from "../errors";
import { assertHolderMay, holderMay, type Action, type Holder, type Role } from "./permissions";
import { SESSION_COOKIE, parseSessionToken, readCookie } from "./session";
import { findLiveSession, type SessionUser } from "./sessions";

export type Principal =
  | { kind: "user"; userId: string; sessionId: string; name: string; email: string; role: Role; /** null: every client */ clientId: string | null }
  | { kind: "admin"; via: "key" }
  | { kind: "client"; clientId: string };

/** Who did it, as the audit trail names them. */
export interface Actor {
  kind: "user" | "key";
  id: string;
  name: string;
}

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
  if (!session) return null;
  return userPrincipal(session.user, session.id);
}

/** A console user in one of their sessions, as every route sees them. */
export function userPrincipal(user: SessionUser, sessionId: string): Extract<Principal, { kind: "user" }> {
  return { kind: "user", userId: user.id, sessionId, name: user.name, email: user.email, role: user.role, clientId: user.clientId };
}

/** The permission row a caller holds. */
export function holderOf(p: Principal): Holder {
  if (p.kind === "user") return p.role;
  return p.kind === "admin" ? "admin" : "client_key";
}

export function may(p: Principal, action: Action): boolean {
  return holderMay(holderOf(p), action);
}

/** 403 FORBIDDEN naming the missing permission. */
export function assertMay(p: Principal, action: Action): void {
  assertHolderMay(holderOf(p), action);
}

/** The one client a caller is limited to, or null when it sees every client. */
export function ownClientOf(p: Principal): string | null {
  if (p.kind === "admin") return null;
  return p.clientId;
}

export function seesAllClients(p: Principal): boolean {
  return ownClientOf(p) === null;
}

export function canReadClient(p: Principal, clientId: string): boolean {
  const own = ownClientOf(p);
  return own === null || own === clientId;
}

export function assertCanReadClient(p: Principal, clientId: string): void {
  if (!canReadClient(p, clientId)) throw new AppError("FORBIDDEN", "this caller may not use another client's data");
}

/** For what concerns every client (creating clients, their routing identifiers): a caller that sees them all. */
export function assertAllClients(p: Principal, what = "only an admin may do this"): void {
  if (!seesAllClients(p)) throw new AppError("FORBIDDEN", what);
}

/** The client a list should be limited to: the requested one (checked), or the caller's own. */
export function scopeClientId(p: Principal, requested: string | undefined): string | undefined {
  const own = ownClientOf(p);
  if (own === null) return requested;
  if (requested && requested !== own) throw new AppError("FORBIDDEN", "this caller may not read another client's data");
  return own;
}

/** The audit trail's name for a caller. */
export function actorOf(p: Principal): Actor {
  if (p.kind === "user") return { kind: "user", id: p.userId, name: p.name };
  if (p.kind === "admin") return { kind: "key", id: "admin-key", name: "Admin API key" };
  return { kind: "key", id: `client-key:${p.clientId}`, name: "Client API key" };
}

/** For what belongs to a console user (their sessions, their password): an API key has none. */
export function assertConsoleUser(p: Principal, what = "sessions belong to console users; an API key has none"): asserts p is Extract<Principal, { kind: "user" }> {
  if (p.kind !== "user") throw new AppError("FORBIDDEN", what);
}
