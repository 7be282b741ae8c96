// Clients (tenants): create, update, list, and their API keys. A client's routes (agent ids,
// agent numbers) are written in the same transaction as the client itself.
import { decodeRecord, clientBusinessHours } from "../domain/json-columns";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import { newId } from "../ids";
import { generateApiKey } from "../auth/principal";
import { forgetClient } from "./client-cache";
import { DEFAULT_BUSINESS_HOURS, type BusinessHours, type ClientCreate, type ClientUpdate } from "../schemas/client";
import {
  WITH_ROUTES, assertMayChangeRouting, assertRoutesFree, claimingRoutes, replacedKinds, requestedRoutes, routeRows, routeValues, type ClientWithRoutes,
} from "./routes";

export type { ClientWithRoutes };

export function toApiClient(c: ClientWithRoutes) {
  return {
    id: c.id,
    name: c.name,
    timezone: c.timezone,
    businessHours: clientBusinessHours(c),
    smsFrom: c.smsFrom,
    whatsappFrom: c.whatsappFrom,
    emailFrom: c.emailFrom,
    agentIds: routeValues(c, "agentIds"),
    phoneNumbers: routeValues(c, "phoneNumbers"),
    settings: decodeRecord(c.settings),
    apiKeyPrefix: c.apiKeyPrefix,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The Client columns of an input (routes are rows of their own). */
function columns(input: ClientUpdate) {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.timezone !== undefined && { timezone: input.timezone }),
    ...(input.businessHours !== undefined && { businessHours: JSON.stringify(input.businessHours) }),
    ...(input.smsFrom !== undefined && { smsFrom: input.smsFrom }),
    ...(input.whatsappFrom !== undefined && { whatsappFrom: input.whatsappFrom }),
    ...(input.emailFrom !== undefined && { emailFrom: input.emailFrom }),
    ...(input.settings !== undefined && { settings: JSON.stringify(input.settings) }),
  };
}

/** Creates a client with its API key; the key is returned this once and stored hashed. 409 for a route another client holds. */
export async function createClient(db: Db, input: ClientCreate): Promise<{ client: ClientWithRoutes; apiKey: string }> {
  const key = generateApiKey();
  const id = newId("cl");
  const routes = requestedRoutes(input);
  await assertRoutesFree(db, null, routes);
  const client = await claimingRoutes(db, null, routes, () =>
    db.client.create({
      data: {
        id,
        businessHours: JSON.stringify(DEFAULT_BUSINESS_HOURS),
        ...columns(input),
        name: input.name,
        timezone: input.timezone,
        apiKeyHash: key.hash,
        apiKeyPrefix: key.prefix,
        // A nested create is one transaction with the client's own row.
        routes: { create: routeRows(routes) },
      },
      include: WITH_ROUTES,
    }),
  );
  return { client, apiKey: key.key };
}

export async function getClientOrThrow(db: Db, id: string): Promise<ClientWithRoutes> {
  const client = await db.client.findUnique({ where: { id }, include: WITH_ROUTES });
  if (!client) throw new AppError("NOT_FOUND", `client ${id} not found`);
  return client;
}

/**
 * Updates the given fields; `settings` keys are merged into the existing settings, and
 * `agentIds` / `phoneNumbers` replace that kind's routes. Routing fields are an admin's to
 * change (403 for a client key); a value another client holds is 409 CONFLICT.
 */
export async function updateClient(db: Db, id: string, input: ClientUpdate, principal: Principal): Promise<ClientWithRoutes> {
  const existing = await getClientOrThrow(db, id);
  assertMayChangeRouting(principal, existing, input);
  const routes = requestedRoutes(input);
  await assertRoutesFree(db, id, routes);
  const settings = input.settings ? { ...decodeRecord(existing.settings), ...input.settings } : undefined;
  const kinds = replacedKinds(routes);
  // In order, in one transaction: the old routes of a replaced kind go before the new ones
  // are inserted, so a value kept in the list is re-inserted rather than refused.
  const [client] = await claimingRoutes(db, id, routes, () =>
    db.$transaction([
      ...(kinds.length ? [db.clientRoute.deleteMany({ where: { clientId: id, kind: { in: kinds } } })] : []),
      ...(kinds.length ? [db.clientRoute.createMany({ data: routeRows(routes).map((r) => ({ ...r, clientId: id })) })] : []),
      db.client.update({ where: { id }, data: { ...columns(input), ...(settings && { settings: JSON.stringify(settings) }) }, include: WITH_ROUTES }),
    ]).then((results) => [results[results.length - 1] as ClientWithRoutes]),
  );
  forgetClient(id);
  return client!;
}

/** Replaces a client's API key; the old one stops working at once. */
export async function rotateClientKey(db: Db, id: string): Promise<{ client: ClientWithRoutes; apiKey: string }> {
  await getClientOrThrow(db, id);
  const key = generateApiKey();
  const client = await db.client.update({ where: { id }, data: { apiKeyHash: key.hash, apiKeyPrefix: key.prefix }, include: WITH_ROUTES });
  forgetClient(id); // the old key was cached for resolvePrincipal: it stops working now, not at the TTL
  return { client, apiKey: key.key };
}

export async function listClients(db: Db, onlyId?: string): Promise<ClientWithRoutes[]> {
  return db.client.findMany({ where: onlyId ? { id: onlyId } : {}, orderBy: { name: "asc" }, include: WITH_ROUTES });
}
