// Clients (tenants): create, update, list, and their API keys.
import { decodeRecord, decodeStringList, clientBusinessHours } from "../domain/json-columns";
import type { Db } from "../db/client";
import type { Client } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { newId } from "../ids";
import { generateApiKey } from "../auth/principal";
import { forgetClient } from "./client-cache";
import { DEFAULT_BUSINESS_HOURS, type BusinessHours, type ClientCreate, type ClientUpdate } from "../schemas/client";

export function toApiClient(c: Client) {
  return {
    id: c.id,
    name: c.name,
    timezone: c.timezone,
    businessHours: clientBusinessHours(c),
    smsFrom: c.smsFrom,
    whatsappFrom: c.whatsappFrom,
    emailFrom: c.emailFrom,
    agentIds: decodeStringList(c.agentIds),
    phoneNumbers: decodeStringList(c.phoneNumbers),
    settings: decodeRecord(c.settings),
    apiKeyPrefix: c.apiKeyPrefix,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function columns(input: ClientUpdate) {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.timezone !== undefined && { timezone: input.timezone }),
    ...(input.businessHours !== undefined && { businessHours: JSON.stringify(input.businessHours) }),
    ...(input.smsFrom !== undefined && { smsFrom: input.smsFrom }),
    ...(input.whatsappFrom !== undefined && { whatsappFrom: input.whatsappFrom }),
    ...(input.emailFrom !== undefined && { emailFrom: input.emailFrom }),
    ...(input.agentIds !== undefined && { agentIds: JSON.stringify(input.agentIds) }),
    ...(input.phoneNumbers !== undefined && { phoneNumbers: JSON.stringify(input.phoneNumbers) }),
    ...(input.settings !== undefined && { settings: JSON.stringify(input.settings) }),
  };
}

/** Creates a client with its API key; the key is returned this once and stored hashed. */
export async function createClient(db: Db, input: ClientCreate): Promise<{ client: Client; apiKey: string }> {
  const key = generateApiKey();
  const client = await db.client.create({
    data: {
      id: newId("cl"),
      businessHours: JSON.stringify(DEFAULT_BUSINESS_HOURS),
      ...columns(input),
      name: input.name,
      timezone: input.timezone,
      apiKeyHash: key.hash,
      apiKeyPrefix: key.prefix,
    },
  });
  return { client, apiKey: key.key };
}

export async function getClientOrThrow(db: Db, id: string): Promise<Client> {
  const client = await db.client.findUnique({ where: { id } });
  if (!client) throw new AppError("NOT_FOUND", `client ${id} not found`);
  return client;
}

/** Updates the given fields; `settings` keys are merged into the existing settings. */
export async function updateClient(db: Db, id: string, input: ClientUpdate): Promise<Client> {
  const existing = await getClientOrThrow(db, id);
  const settings = input.settings ? { ...decodeRecord(existing.settings), ...input.settings } : undefined;
  const client = await db.client.update({ where: { id }, data: { ...columns(input), ...(settings && { settings: JSON.stringify(settings) }) } });
  forgetClient(id);
  return client;
}

/** Replaces a client's API key; the old one stops working at once. */
export async function rotateClientKey(db: Db, id: string): Promise<{ client: Client; apiKey: string }> {
  await getClientOrThrow(db, id);
  const key = generateApiKey();
  const client = await db.client.update({ where: { id }, data: { apiKeyHash: key.hash, apiKeyPrefix: key.prefix } });
  return { client, apiKey: key.key };
}

export async function listClients(db: Db, onlyId?: string): Promise<Client[]> {
  return db.client.findMany({ where: onlyId ? { id: onlyId } : {}, orderBy: { name: "asc" } });
}
