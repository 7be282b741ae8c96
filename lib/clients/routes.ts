// Routing identifiers: the voice agent ids and agent phone numbers that tell a call (or an
// inbound message) which client it belongs to. Each is a ClientRoute row keyed by (kind,
// value), so it belongs to at most one client; a second claim is refused by name, never by
// saying who owns it. The API keeps showing them as the client's agentIds / phoneNumbers.
import type { Db } from "../db/client";
import type { Client, ClientRoute } from "../generated/sqlite/client";
import { seesAllClients, type Principal } from "../auth/principal";
import { AppError, type ErrorDetail } from "../errors";
import type { ClientUpdate } from "../schemas/client";

/** The API field of each route kind. */
export const ROUTE_FIELDS = { agentIds: "agent", phoneNumbers: "phone" } as const;
export type RouteField = keyof typeof ROUTE_FIELDS;
export type RouteKind = (typeof ROUTE_FIELDS)[RouteField];
const FIELDS = Object.keys(ROUTE_FIELDS) as RouteField[];
const NOUN: Record<RouteKind, string> = { agent: "agent id", phone: "phone number" };

/**
 * Fields only an admin may change: the routes, and the sender ids that also route inbound
 * replies (lib/webhooks/twilio-inbound.ts). A client key that could set them could take
 * another tenant's calls and replies, or send as its number.
 */
const ADMIN_ONLY = ["agentIds", "phoneNumbers", "smsFrom", "whatsappFrom"] as const;

export type ClientWithRoutes = Client & { routes: ClientRoute[] };
export const WITH_ROUTES = { routes: true } as const;

/** The values of one kind in the order they were given. */
export function routeValues(client: ClientWithRoutes, field: RouteField): string[] {
  return client.routes.filter((r) => r.kind === ROUTE_FIELDS[field]).sort((a, b) => a.position - b.position).map((r) => r.value);
}

const unique = (values: string[]) => [...new Set(values)];

/** The route fields present in `input`, each without repeats. */
export function requestedRoutes(input: ClientUpdate): Partial<Record<RouteField, string[]>> {
  return Object.fromEntries(FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, unique(input[f]!)]));
}

/** 403 FORBIDDEN naming each admin-only field a client key tries to change (sending its current value back is fine). */
export function assertMayChangeRouting(principal: Principal, existing: ClientWithRoutes, input: ClientUpdate): void {
  if (seesAllClients(principal)) return;
  const changed = ADMIN_ONLY.filter((field) => {
    if (input[field] === undefined) return false;
    if (field === "smsFrom" || field === "whatsappFrom") return (input[field] ?? null) !== existing[field];
    return unique(input[field]!).join("\n") !== routeValues(existing, field).join("\n");
  });
  if (changed.length) {
    throw new AppError("FORBIDDEN", `only an admin may change ${changed.join(", ")}`, changed.map((path) => ({ path, message: "only an admin may change this" })));
  }
}

/** Every requested value another client already holds, as error details naming the field (not the owner). */
export async function findRouteConflicts(db: Db, clientId: string | null, routes: Partial<Record<RouteField, string[]>>): Promise<ErrorDetail[]> {
  const wanted = FIELDS.flatMap((field) => (routes[field] ?? []).map((value) => ({ field, kind: ROUTE_FIELDS[field], value })));
  if (!wanted.length) return [];
  const taken = await db.clientRoute.findMany({
    where: {
      OR: FIELDS.filter((f) => routes[f]?.length).map((f) => ({ kind: ROUTE_FIELDS[f], value: { in: routes[f]! } })),
      ...(clientId && { clientId: { not: clientId } }),
    },
    select: { kind: true, value: true },
  });
  const takenKeys = new Set(taken.map((r) => `${r.kind}\u0000${r.value}`));
  // One detail per field (a form shows one message per field), naming every value refused.
  return FIELDS.flatMap((field) => {
    const values = wanted.filter((w) => w.field === field && takenKeys.has(`${w.kind}\u0000${w.value}`)).map((w) => w.value);
    if (!values.length) return [];
    const noun = NOUN[ROUTE_FIELDS[field]];
    const message = values.length === 1 ? `${noun} ${values[0]} is already routed to another client` : `${noun}s ${values.join(", ")} are already routed to other clients`;
    return [{ path: field, message }];
  });
}

function conflictError(details: ErrorDetail[]): AppError {
  return new AppError("CONFLICT", details.map((d) => `${d.path}: ${d.message}`).join("; "), details);
}

/** Refuses (409 CONFLICT, by field) values another client holds, before anything is written. */
export async function assertRoutesFree(db: Db, clientId: string | null, routes: Partial<Record<RouteField, string[]>>): Promise<void> {
  const conflicts = await findRouteConflicts(db, clientId, routes);
  if (conflicts.length) throw conflictError(conflicts);
}

/**
 * Runs a write that claims routes; when the unique key refuses one anyway (another request
 * claimed it since the check), answers the same 409 as the check would have.
 */
export async function claimingRoutes<T>(db: Db, clientId: string | null, routes: Partial<Record<RouteField, string[]>>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: unknown })?.code !== "P2002") throw err;
    const conflicts = await findRouteConflicts(db, clientId, routes);
    throw conflicts.length ? conflictError(conflicts) : err;
  }
}

/** The rows (without their client) that give a client exactly these routes, of the fields present. */
export function routeRows(routes: Partial<Record<RouteField, string[]>>, now = new Date()) {
  return FIELDS.flatMap((field) => (routes[field] ?? []).map((value, position) => ({ kind: ROUTE_FIELDS[field], value, position, createdAt: now })));
}

/** The kinds whose rows are replaced by `routes`. */
export function replacedKinds(routes: Partial<Record<RouteField, string[]>>): RouteKind[] {
  return FIELDS.filter((f) => routes[f] !== undefined).map((f) => ROUTE_FIELDS[f]);
}

/**
 * The client an inbound message to `to` belongs to: the client that owns the number as a
 * route; else the one client whose sender id it is. Sender ids are not owned (an agency may
 * send for several clients from one number), so a sender id two clients use routes nowhere
 * rather than to whichever is found first.
 */
export async function findClientForInbound(db: Db, to: string): Promise<Client | null> {
  const number = to.replace(/^whatsapp:/, "");
  const route = await db.clientRoute.findUnique({ where: { kind_value: { kind: "phone", value: number } }, include: { client: true } });
  if (route) return route.client;
  const senders = await db.client.findMany({ where: { OR: [{ smsFrom: number }, { whatsappFrom: `whatsapp:${number}` }] }, take: 2 });
  return senders.length === 1 ? senders[0]! : null;
}
