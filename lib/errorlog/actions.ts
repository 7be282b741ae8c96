// Resolve and acknowledge: a person says "seen" (acknowledgedAt) or "fixed" (resolvedAt).
// Both are idempotent: doing it again changes nothing and announces nothing.
import type { Db } from "../db/client";
import type { ErrorLog } from "../generated/sqlite/client";
import { canReadClient, seesAllClients, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import type { EventBus } from "../events/bus";
import { toApiError } from "./queries";
import { toErrorEventPayload } from "./fold";

const MAX_EVENTS = 500;

export interface ErrorActionContext {
  bus: EventBus;
  now?: Date;
}

/** An entry the caller may act on: 404 when it does not exist, 403 when it is another client's (or Herald's own). */
export async function getVisibleErrorOrThrow(db: Db, principal: Principal, id: string): Promise<ErrorLog> {
  const entry = await db.errorLog.findUnique({ where: { id } });
  if (!entry) throw new AppError("NOT_FOUND", `no error entry ${id}`);
  if (!seesAllClients(principal) && !(entry.clientId && canReadClient(principal, entry.clientId))) {
    throw new AppError("FORBIDDEN", "this key may not use another client's errors");
  }
  return entry;
}

/** Marks an entry acknowledged (someone is on it); emits error:acknowledged the first time. */
export async function acknowledgeError(db: Db, principal: Principal, id: string, ctx: ErrorActionContext) {
  const entry = await getVisibleErrorOrThrow(db, principal, id);
  if (entry.acknowledgedAt) return { entry: toApiError(entry), updated: 0 };
  const { count } = await db.errorLog.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: ctx.now ?? new Date() } });
  const after = await db.errorLog.findUniqueOrThrow({ where: { id } });
  if (count) ctx.bus.emit("error", { event: "acknowledged", payload: toErrorEventPayload(after) });
  return { entry: toApiError(after), updated: count };
}

/**
 * Marks an entry resolved (and acknowledged, if nobody had); with `similar`, every open entry
 * of the same fingerprint too. Emits error:resolved once per entry that changed.
 */
export async function resolveError(db: Db, principal: Principal, id: string, ctx: ErrorActionContext & { similar?: boolean }) {
  const entry = await getVisibleErrorOrThrow(db, principal, id);
  const now = ctx.now ?? new Date();
  // The fingerprint includes the client; the clientId condition keeps a key inside its own.
  const group = ctx.similar ? { fingerprint: entry.fingerprint, clientId: entry.clientId } : { id };
  const [, resolved] = await db.$transaction([
    db.errorLog.updateMany({ where: { ...group, resolvedAt: null, acknowledgedAt: null }, data: { acknowledgedAt: now } }),
    db.errorLog.updateMany({ where: { ...group, resolvedAt: null }, data: { resolvedAt: now } }),
  ]);
  if (resolved.count) {
    // The console refetches on any of these; past a few hundred, more events tell it nothing new.
    const changed = await db.errorLog.findMany({ where: { ...group, resolvedAt: now }, orderBy: { id: "desc" }, take: MAX_EVENTS });
    for (const e of changed) ctx.bus.emit("error", { event: "resolved", payload: toErrorEventPayload(e) });
  }
  const after = await db.errorLog.findUniqueOrThrow({ where: { id } });
  return { entry: toApiError(after), updated: resolved.count };
}
