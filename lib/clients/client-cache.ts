// Clients are read on every enqueue and every call event and change rarely: keep them a
// couple of seconds. An update in this process drops the entries at once; another
// replica's update is seen within the TTL. Only found clients are kept, so a client
// created a moment ago is never hidden by an earlier miss.
import type { Db } from "../db";
import type { Client } from "../generated/sqlite/client";

const TTL_MS = 2000;
type Entries = Map<string, { client: Client; at: number }>;
// Per database (tests open several at once); on globalThis so Next's bundles share it.
const holder = globalThis as unknown as { __heraldClientCache?: WeakMap<Db, Entries>; __heraldClientCaches?: Set<Entries> };
const all = () => (holder.__heraldClientCaches ??= new Set());
function cacheOf(db: Db): Entries {
  holder.__heraldClientCache ??= new WeakMap();
  let entries = holder.__heraldClientCache.get(db);
  if (!entries) {
    holder.__heraldClientCache.set(db, (entries = new Map()));
    all().add(entries);
  }
  return entries;
}

/** The client found by `load` under `key` (e.g. "id:…", "agent:…"), from the cache when fresh. */
export async function cachedClientBy(db: Db, key: string, load: () => Promise<Client | null>): Promise<Client | null> {
  const cache = () => cacheOf(db);
  const hit = cache().get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.client;
  const client = await load();
  if (!client) return null;
  if (cache().size > 10_000) cache().clear();
  cache().set(key, { client, at: Date.now() });
  return client;
}

export function getCachedClient(db: Db, id: string): Promise<Client | null> {
  return cachedClientBy(db, `id:${id}`, () => db.client.findUnique({ where: { id } }));
}

/** Drops every cached entry of this client (it may be cached under its agent ids and numbers too). */
export function forgetClient(id: string): void {
  for (const entries of all()) for (const [key, entry] of entries) if (entry.client.id === id) entries.delete(key);
}
