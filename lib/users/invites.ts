// Invites: a single-use link (PUBLIC_URL/invite/<token>) that lets someone become a user with
// the role and client an owner chose. Only the token's SHA-256 is stored; a link is good
// until INVITE_TTL_HOURS pass, it is accepted, revoked, or a newer invite for the same email
// replaces it. Accepting creates the user and their first session in one step.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { newId } from "../ids";
import { actorOf, type Principal } from "../auth/principal";
import { hashPassword } from "../auth/password";
import type { Role } from "../auth/permissions";
import type { SessionUser } from "../auth/sessions";
import type { InviteInput } from "./schemas";
import { assertClientExists, clientNames } from "./users";

export interface InviteView {
  id: string;
  email: string;
  name: string | null;
  role: string;
  clientId: string | null;
  clientName: string | null;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const pending = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

type InviteRow = { id: string; email: string; name: string | null; role: string; clientId: string | null; createdAt: Date; expiresAt: Date; invitedById: string };

async function viewsOf(db: Db, rows: InviteRow[]): Promise<InviteView[]> {
  const clients = await clientNames(db, rows.map((r) => r.clientId));
  const inviters = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.invitedById))] } }, select: { id: true, name: true, email: true } });
  const inviter = new Map(inviters.map((u) => [u.id, u.name || u.email]));
  // Field by field: the row also holds the token's hash, which never leaves the server.
  return rows.map((r) => ({
    id: r.id, email: r.email, name: r.name, role: r.role, clientId: r.clientId, createdAt: r.createdAt, expiresAt: r.expiresAt,
    clientName: r.clientId ? (clients.get(r.clientId) ?? null) : null,
    invitedBy: inviter.get(r.invitedById) ?? (r.invitedById.startsWith("key:") ? "API key" : r.invitedById),
  }));
}

export async function listPendingInvites(db: Db, now = new Date()): Promise<InviteView[]> {
  return viewsOf(db, await db.invite.findMany({ where: pending(now), orderBy: { createdAt: "desc" }, take: 500 }));
}

/** Creates an invite (replacing a pending one for the same email); the token is returned once, for the link. */
export async function createInvite(db: Db, by: Principal, input: InviteInput, now = new Date()): Promise<{ invite: InviteView; token: string }> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", `${input.email} is already a user; change their role on the Users page instead`, [{ path: "email", message: "already a user" }]);
  }
  const clientId = input.clientId ?? null;
  if (clientId) await assertClientExists(db, clientId);
  const token = randomBytes(32).toString("base64url");
  const actor = actorOf(by);
  const row = await db.$transaction(async (tx) => {
    await tx.invite.updateMany({ where: { email: input.email, ...pending(now) }, data: { revokedAt: now } });
    return tx.invite.create({
      data: {
        id: newId("inv", now.getTime()),
        tokenHash: hashToken(token),
        email: input.email,
        name: input.name ?? null,
        role: input.role,
        clientId,
        invitedById: actor.kind === "user" ? actor.id : `key:${actor.id}`,
        createdAt: now,
        expiresAt: new Date(now.getTime() + getConfig().INVITE_TTL_HOURS * 3_600_000),
      },
    });
  });
  const [invite] = await viewsOf(db, [row]);
  return { invite: invite!, token };
}

export function inviteUrl(token: string): string {
  return new URL(`/invite/${encodeURIComponent(token)}`, getConfig().PUBLIC_URL).toString();
}

/** Revokes a pending invite; false when there is none with this id. */
export async function revokeInvite(db: Db, id: string, now = new Date()): Promise<InviteView | null> {
  const row = await db.invite.findFirst({ where: { id, ...pending(now) } });
  if (!row) return null;
  const { count } = await db.invite.updateMany({ where: { id, ...pending(now) }, data: { revokedAt: now } });
  if (!count) return null;
  const [view] = await viewsOf(db, [row]);
  return view!;
}

/** What the /invite/<token> page shows; null for a link that is unknown, used, revoked or expired. */
export async function findPendingInvite(db: Db, token: string, now = new Date()): Promise<{ email: string; name: string | null; role: string; clientName: string | null; expiresAt: Date } | null> {
  if (!token || token.length > 200) return null;
  const row = await db.invite.findFirst({ where: { tokenHash: hashToken(token), ...pending(now) } });
  if (!row) return null;
  const clients = await clientNames(db, [row.clientId]);
  return { email: row.email, name: row.name, role: row.role, clientName: row.clientId ? (clients.get(row.clientId) ?? null) : null, expiresAt: row.expiresAt };
}

/** Turns a pending invite into a user, once: a second use of the link (or a race) answers 404. */
export async function acceptInvite(db: Db, input: { token: string; name: string; password: string }, now = new Date()): Promise<SessionUser> {
  const gone = () => new AppError("NOT_FOUND", "this invite link has expired, was already used or was withdrawn; ask for a new one");
  const row = await db.invite.findFirst({ where: { tokenHash: hashToken(input.token), ...pending(now) } });
  if (!row) throw gone();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // The claim: only one request can move acceptedAt from null.
    const { count } = await tx.invite.updateMany({ where: { id: row.id, ...pending(now) }, data: { acceptedAt: now } });
    if (!count) throw gone();
    if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `${row.email} is already a user; sign in instead`);
    }
    const user = await tx.user.create({
      data: { id: newId("usr", now.getTime()), email: row.email, name: input.name, role: row.role, clientId: row.clientId, passwordHash, passwordSource: "user", createdAt: now },
      select: { id: true, email: true, name: true, role: true, clientId: true },
    });
    return { ...user, role: user.role as Role };
  });
}
