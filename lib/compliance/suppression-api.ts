// The /api/suppressions routes' schemas and work: list (search, per client), add and lift,
// each change written with who made it (the principal) and why.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCanReadClient, scopeClientId, type Principal } from "../auth/principal";
import { addSuppression, normalizeAddress, removeSuppression, removeSuppressionById, SUPPRESSION_CHANNELS } from "../suppressions";

const address = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .refine((a) => /^(whatsapp:)?\+[1-9]\d{6,14}$/.test(a) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a), "an E.164 phone number or an email address");
const reason = z.string().trim().min(1, "say why").max(500);

export const suppressionListQuerySchema = z.object({
  clientId: z.string().min(1).max(100).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  channel: z.enum(SUPPRESSION_CHANNELS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const suppressionCreateSchema = z
  .object({ clientId: z.string().min(1).max(100).optional(), address, channel: z.enum(SUPPRESSION_CHANNELS).default("all"), scope: z.enum(["all", "marketing"]).default("all"), reason })
  .strict();

export const suppressionDeleteSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    clientId: z.string().min(1).max(100).optional(),
    address: address.optional(),
    channel: z.enum(SUPPRESSION_CHANNELS).optional(),
    reason,
  })
  .strict()
  .refine((b) => b.id || b.address, { message: "name the suppression: id, or address (with clientId for an admin)", path: ["id"] });

/** Who added or lifted a suppression, as its history line says. */
export function suppressionActorOf(p: Principal): string {
  if (p.kind === "client") return `client:${p.clientId}`;
  return p.kind === "user" ? `${p.name} (console)` : "admin (API key)";
}

/** The client a write is for: a scoped caller's own; one that sees every client must name one. */
function targetClient(p: Principal, requested: string | undefined): string {
  const clientId = scopeClientId(p, requested);
  if (!clientId) throw new AppError("VALIDATION_FAILED", "clientId: required for an admin", [{ path: "clientId", message: "required" }]);
  return clientId;
}

export async function listSuppressions(db: Db, q: z.infer<typeof suppressionListQuerySchema> & { clientId?: string }) {
  const where = {
    ...(q.clientId ? { clientId: q.clientId } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.q ? { OR: [{ address: { contains: normalizeAddress(q.q) } }, { reason: { contains: q.q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.suppression.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: q.limit }),
    db.suppression.count({ where }),
  ]);
  const events = await db.suppressionEvent.findMany({
    where: { ...(q.clientId ? { clientId: q.clientId } : {}), ...(q.q ? { address: { contains: normalizeAddress(q.q) } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  const latest = new Map<string, (typeof events)[number]>();
  for (const e of events) {
    const k = `${e.clientId}\u0000${e.address}\u0000${e.channel}`;
    if (!latest.has(k)) latest.set(k, e);
  }
  return {
    items: rows.map((r) => ({ ...r, channel: r.channel ?? "all", lastChange: latest.get(`${r.clientId}\u0000${r.address}\u0000${r.channel ?? "all"}`) ?? null })),
    total,
    /** The audit trail, newest first: who added or lifted what, and why. */
    history: events,
  };
}

export async function createSuppression(db: Db, p: Principal, body: z.infer<typeof suppressionCreateSchema>) {
  const clientId = targetClient(p, body.clientId);
  if (!(await db.client.findUnique({ where: { id: clientId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "client not found");
  const added = await addSuppression(db, { clientId, address: body.address, channel: body.channel, scope: body.scope, reason: body.reason, actor: suppressionActorOf(p) });
  const row = await db.suppression.findFirstOrThrow({ where: { clientId, address: normalizeAddress(body.address), channel: body.channel } });
  return { suppression: row, created: added };
}

export async function deleteSuppression(db: Db, p: Principal, body: z.infer<typeof suppressionDeleteSchema>) {
  const actor = suppressionActorOf(p);
  if (body.id) {
    const row = await db.suppression.findUnique({ where: { id: body.id } });
    if (!row) throw new AppError("NOT_FOUND", "suppression not found");
    assertCanReadClient(p, row.clientId);
    await removeSuppressionById(db, body.id, actor, body.reason);
    return { lifted: 1 };
  }
  const clientId = targetClient(p, body.clientId);
  const lifted = await removeSuppression(db, clientId, body.address!, { channel: body.channel, actor, reason: body.reason });
  if (!lifted) throw new AppError("NOT_FOUND", "no suppression for that address");
  return { lifted };
}
