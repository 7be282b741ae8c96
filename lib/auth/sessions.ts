// Console sessions on the server: one row per login. A cookie is honoured only while its
// row is unrevoked, unexpired and carries the fingerprint of today's ADMIN_PASSWORD, so
// logging out, revoking a session or changing the password ends it at once.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { getConfig } from "../config";
import { newId } from "../ids";
import { passwordFingerprint } from "./password";
import { SESSION_TTL_MS, type SessionToken } from "./session";

/** lastSeenAt is written at most this often per session: a page load makes many requests. */
const TOUCH_EVERY_MS = 60_000;
/** Expired and revoked rows are kept this long (who was signed in from where), then deleted. */
const KEEP_ENDED_MS = 30 * 24 * 3_600_000;

export interface LiveSession {
  id: string;
  userId: string | null;
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

function currentFingerprint(): string {
  const { SESSION_SECRET, ADMIN_PASSWORD } = getConfig();
  if (!SESSION_SECRET || !ADMIN_PASSWORD) throw new Error("SESSION_SECRET and ADMIN_PASSWORD must be set (server.ts fills them in at start)");
  return passwordFingerprint(SESSION_SECRET, ADMIN_PASSWORD);
}

/** Starts a session for the owner; the token goes into the cookie and is never stored. */
export async function createSession(db: Db, who: { address?: string | null; userAgent?: string | null }, now = new Date()): Promise<SessionToken> {
  const token = { id: newId("ses", now.getTime()), secret: randomBytes(32).toString("base64url") };
  await db.session.create({
    data: {
      id: token.id,
      tokenHash: hashSecret(token.secret),
      passwordFingerprint: currentFingerprint(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      address: who.address?.slice(0, 100) ?? null,
      userAgent: who.userAgent?.slice(0, 300) ?? null,
    },
  });
  await db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } }, { revokedAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } }] } });
  return token;
}

/** The session a token stands for, if it is still live; null otherwise. */
export async function findLiveSession(db: Db, token: SessionToken, now = new Date()): Promise<LiveSession | null> {
  const row = await db.session.findUnique({ where: { id: token.id } });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  const given = Buffer.from(hashSecret(token.secret));
  const stored = Buffer.from(row.tokenHash);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  if (row.passwordFingerprint !== currentFingerprint()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Best effort: a failed touch must not fail the request it came with.
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } }).catch(() => undefined);
  }
  return { id: row.id, userId: row.userId, createdAt: row.createdAt, expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt, address: row.address, userAgent: row.userAgent };
}

/** Ends one of the owner's sessions; false when there is no such live session. */
export async function revokeSession(db: Db, id: string, userId: string | null, now = new Date()): Promise<boolean> {
  const { count } = await db.session.updateMany({ where: { id, userId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return count > 0;
}

/** The owner's live sessions, most recently used first. Those of an older password are not live. */
export async function listLiveSessions(db: Db, userId: string | null, now = new Date()): Promise<LiveSession[]> {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, passwordFingerprint: currentFingerprint() },
    orderBy: { lastSeenAt: "desc" },
    select: PUBLIC_FIELDS,
    take: 200,
  });
}
