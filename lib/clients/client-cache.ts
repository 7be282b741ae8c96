// Clients are read on every enqueue and change rarely: keep them a couple of seconds.
// An update in this process drops the entry at once; another replica's update is seen
// within the TTL.
import type { Db } from "../db";
import type { Client } from "../generated/sqlite/client";

const TTL_MS = 2000;
const holder = globalThis as unknown as { __heraldClientCache?: Map<string, { client: Client | null; at: number }> };
const cache = () => (holder.__heraldClientCache ??= new Map());

export async function getCachedClient(db: Db, id: string): Promise<Client | null> {
  const hit = cache().get(id);
  if (hit && Date.now() - hit.at < TTL_MS && hit.client) return hit.client;
  const client = await db.client.findUnique({ where: { id } });
  cache().set(id, { client, at: Date.now() });
  if (cache().size > 10_000) cache().clear();
  return client;
}

export function forgetClient(id: string): void {
  cache().delete(id);
}
