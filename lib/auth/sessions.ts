// Console sessions on the server: one row per sign-in, belonging to a user. A cookie is
// honoured only while its row is unrevoked, within its idle and absolute timeouts
// (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS) and its user active, so logging out, "sign out
// everywhere", a password change or a deactivation ends it at once.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { getConfig } from "../config";
import { newId } from "../ids";
import { ROLES, type Role } from "./permissions";
import type { SessionToken } from "./session";

/** lastSeenAt is written at most this often per session: a page load makes many requests. */
const TOUCH_EVERY_MS = 60_000;
/** Expired and revoked rows are kept this long (who was signed in from where), then deleted. */
const KEEP_ENDED_MS = 30 * 24 * 3_600_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  clientId: string | null;
}

export interface LiveSession {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  address: string | null;
  userAgent: string | null;
}

const PUBLIC_FIELDS = { id: true, userId: true, createdAt: true, expiresAt: true, lastSeenAt: true, address: true, userAgent: true } as const;

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function sessionLimits(): { idleMs: number; maxMs: number } {
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = getConfig();
  return { idleMs: SESSION_IDLE_MINUTES * 60_000, maxMs: SESSION_MAX_HOURS * 3_600_000 };
}

/** Starts a session for a user; the token goes into the cookie and is never stored. */
export async function createSession(db: Db, userId: string, who: { address?: string | null; userAgent?: string | null }, now = new Date()): Promise<SessionToken> {
  const token = { id: newId("ses", now.getTime()), secret: randomBytes(32).toString("base64url") };
  await db.session.create({
    data: {
      id: token.id,
      tokenHash: hashSecret(token.secret),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionLimits().maxMs),
      address: who.address?.slice(0, 100) ?? null,
      userAgent: who.userAgent?.slice(0, 300) ?? null,
    },
  });
  await db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } }, { revokedAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } }] } });
  return token;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The session a token stands for, with its user, if both are still live; null otherwise. */
export async function findLiveSession(db: Db, token: SessionToken, now = new Date()): Promise<(LiveSession & { user: SessionUser }) | null> {
  const row = await db.session.findUnique({ where: { id: token.id } });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > sessionLimits().idleMs) return null;
  const given = Buffer.from(hashSecret(token.secret));
  const stored = Buffer.from(row.tokenHash);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { id: true, email: true, name: true, role: true, clientId: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt || !isRole(user.role)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Best effort: a failed touch must not fail the request it came with.
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } }).catch(() => undefined);
  }
  const { deactivatedAt: _, role, ...rest } = user;
  return {
    id: row.id, userId: row.userId, createdAt: row.createdAt, expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt, address: row.address, userAgent: row.userAgent,
    user: { ...rest, role },
  };
}

/** Ends one session (of this user, when given); false when there is no such live session. */
export async function revokeSession(db: Db, id: string, userId?: string, now = new Date()): Promise<boolean> {
  const { count } = await db.session.updateMany({ where: { id, ...(userId && { userId }), revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return count > 0;
}

/** Ends every session of a user ("sign out everywhere", a password change, a deactivation), but `except`. */
export async function revokeUserSessions(db: Db, userId: string, except?: string, now = new Date()): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(except && { id: { not: except } }) }, data: { revokedAt: now } });
  return count;
}

/** A user's live sessions, most recently used first. */
export async function listLiveSessions(db: Db, userId: string, now = new Date()): Promise<LiveSession[]> {
  const idleSince = new Date(now.getTime() - sessionLimits().idleMs);
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince } },
    orderBy: { lastSeenAt: "desc" },
    select: PUBLIC_FIELDS,
    take: 200,
  });
}
