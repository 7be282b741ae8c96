// The team: console users, what an owner may change about them (name, role, client, active,
// password, sessions) and the rules that keep the team usable — there is always an active
// owner, and nobody locks themselves out. Each change returns the before/after for the audit.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "../auth/password";
import { revokeUserSessions, sessionLimits } from "../auth/sessions";
import { passwordGuessLimiter } from "../auth/login";
import { diffFields, type AuditChanges } from "../audit/record";
import type { UserPatch } from "./schemas";

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  clientId: string | null;
  clientName: string | null;
  active: boolean;
  createdAt: Date;
  lastSeenAt: Date | null;
  liveSessions: number;
}

const USER_FIELDS = { id: true, email: true, name: true, role: true, clientId: true, deactivatedAt: true, createdAt: true } as const;
type UserRow = { id: string; email: string; name: string; role: string; clientId: string | null; deactivatedAt: Date | null; createdAt: Date };

/** Client id → name, for the ids given (unknown ids are left out). */
export async function clientNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await db.client.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((c) => [c.id, c.name]));
}

export async function assertClientExists(db: Db, clientId: string): Promise<void> {
  if (!(await db.client.findUnique({ where: { id: clientId }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", `no client with id ${clientId}`, [{ path: "clientId", message: "no such client" }]);
  }
}

async function viewsOf(db: Db, rows: UserRow[], now = new Date()): Promise<UserView[]> {
  const ids = rows.map((r) => r.id);
  const idleSince = new Date(now.getTime() - sessionLimits().idleMs);
  // Two aggregates, not every session row: ended sessions are kept 30 days.
  const [seen, live] = ids.length
    ? await Promise.all([
        db.session.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { lastSeenAt: true } }),
        db.session.groupBy({ by: ["userId"], where: { userId: { in: ids }, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince } }, _count: { _all: true } }),
      ])
    : [[], []];
  const lastSeen = new Map(seen.map((g) => [g.userId, g._max.lastSeenAt]));
  const liveCount = new Map(live.map((g) => [g.userId, g._count._all]));
  const clients = await clientNames(db, rows.map((r) => r.clientId));
  return rows.map(({ deactivatedAt, ...r }) => ({
    ...r,
    clientName: r.clientId ? (clients.get(r.clientId) ?? null) : null,
    active: !deactivatedAt,
    lastSeenAt: lastSeen.get(r.id) ?? null,
    liveSessions: deactivatedAt ? 0 : (liveCount.get(r.id) ?? 0),
  }));
}

export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await db.user.findMany({ select: USER_FIELDS, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1000 });
  return viewsOf(db, rows);
}

async function userRow(db: Db, id: string): Promise<UserRow> {
  const row = await db.user.findUnique({ where: { id }, select: USER_FIELDS });
  if (!row) throw new AppError("NOT_FOUND", "no user with this id");
  return row;
}

const isActiveOwner = (u: { role: string; deactivatedAt: Date | null }) => u.role === "owner" && !u.deactivatedAt;

/**
 * Applies an owner's change to a user; `by` is the user making it (a deactivation of oneself is
 * refused). Herald keeps an active owner: the check and the change are one transaction that
 * first writes every active owner's row, so two owners demoting each other at once are
 * serialised (PostgreSQL's row locks; SQLite's one writer) and the second finds itself the last.
 */
export async function updateUser(db: Db, id: string, patch: UserPatch, by: string | null, now = new Date()): Promise<{ user: UserView; action: string; changes?: AuditChanges; endedSessions: number }> {
  if (patch.active === false && id === by) throw new AppError("CONFLICT", "you cannot deactivate yourself; ask another owner");
  const { before, after } = await db.$transaction(async (txClient) => {
    const tx = txClient as unknown as Db;
    await tx.user.updateMany({ where: { role: "owner", deactivatedAt: null }, data: { updatedAt: now } });
    const before = await userRow(tx, id);
    const role = patch.role ?? before.role;
    // An owner or admin sees every client: becoming one drops the client.
    const clientId = role === "owner" || role === "admin" ? (patch.clientId ? badClientForRole(role) : null) : patch.clientId !== undefined ? patch.clientId : before.clientId;
    if (clientId && clientId !== before.clientId) await assertClientExists(tx, clientId);
    const deactivatedAt = patch.active === undefined ? before.deactivatedAt : patch.active ? null : (before.deactivatedAt ?? now);
    const after = await tx.user.update({ where: { id }, data: { name: patch.name ?? before.name, role, clientId, deactivatedAt }, select: USER_FIELDS });
    if (isActiveOwner(before) && !isActiveOwner(after) && !(await tx.user.count({ where: { role: "owner", deactivatedAt: null } }))) {
      throw new AppError("CONFLICT", `${after.deactivatedAt ? "deactivating this owner" : "this role change"} would leave Herald without an active owner; make someone else an owner first`);
    }
    return { before, after };
  });
  // A deactivated user, or one whose role or client changed, starts again from the login page.
  const scopeChanged = after.role !== before.role || after.clientId !== before.clientId;
  const endedSessions = after.deactivatedAt || scopeChanged ? await revokeUserSessions(db, id, undefined, now) : 0;
  const changes = diffFields({ ...before, active: !before.deactivatedAt }, { name: after.name, role: after.role, clientId: after.clientId, active: !after.deactivatedAt });
  const [user] = await viewsOf(db, [after], now);
  return { user: user!, action: auditActionOf(changes), changes, endedSessions };
}

/** The audit's name for a change: a (de/re)activation or a role change says so; the rest is an update. */
function auditActionOf(changes: AuditChanges | undefined): string {
  if (changes?.active) return changes.active[1] ? "user.reactivate" : "user.deactivate";
  if (changes?.role) return "user.role";
  return "user.update";
}

function badClientForRole(role: string): never {
  throw new AppError("VALIDATION_FAILED", `an ${role} sees every client; only an agent or a viewer belongs to one`, [{ path: "clientId", message: "only for an agent or a viewer" }]);
}

/** An owner sets a new password for someone (they lost theirs); every session of theirs ends. */
export async function resetPassword(db: Db, id: string, password: string, now = new Date()): Promise<{ user: UserView; revoked: number }> {
  await userRow(db, id);
  await db.user.update({ where: { id }, data: { passwordHash: await hashPassword(password), passwordSource: "user" } });
  const revoked = await revokeUserSessions(db, id, undefined, now);
  const [user] = await viewsOf(db, [await userRow(db, id)], now);
  return { user: user!, revoked };
}

/** A user changes their own password; their other sessions end, this one stays. */
export async function changeOwnPassword(db: Db, who: { userId: string; sessionId: string; address: string }, input: { currentPassword: string; newPassword: string }, now = new Date()): Promise<number> {
  const { userId, sessionId } = who;
  passwordGuessLimiter().take(who.address);
  const row = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new AppError("VALIDATION_FAILED", "the current password is not right", [{ path: "currentPassword", message: "not your current password" }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("VALIDATION_FAILED", "the new password is the current one", [{ path: "newPassword", message: "choose a different password" }]);
  }
  passwordGuessLimiter().refund(who.address);
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword), passwordSource: "user" } });
  return revokeUserSessions(db, userId, sessionId, now);
}

export async function getUser(db: Db, id: string): Promise<UserView> {
  const [user] = await viewsOf(db, [await userRow(db, id)]);
  return user!;
}
