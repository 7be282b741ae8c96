// Clients are read on every enqueue and every call event and change rarely: keep them a
// couple of seconds. An update in this process drops the entries at once; another
// replica's update is seen within the TTL. Only found clients are kept, so a client
// created a moment ago is never hidden by an earlier miss.
import type { Db } from "../db/client";
import { contextSlot } from "../context";
import type { Client } from "../generated/sqlite/client";

const TTL_MS = 2000;
// Kept in the context; keyed per database too (tests open several).
type Cache = { entries: Map<string, { client: Client; at: number }>; dbs: WeakMap<Db, number>; opened: number };
const cache = () => contextSlot<Cache>("clients:cache", () => ({ entries: new Map(), dbs: new WeakMap(), opened: 0 }));

function dbKey(db: Db): number {
  const c = cache();
  let n = c.dbs.get(db);
  if (n === undefined) c.dbs.set(db, (n = ++c.opened));
  return n;
}

const fullKey = (db: Db, key: string) => `${dbKey(db)}\u0000${key}`;

/** The client cached under `key` (e.g. "id:…", "agent:…") while fresh, else undefined. */
export function peekCachedClient(db: Db, key: string): Client | undefined {
  const hit = cache().entries.get(fullKey(db, key));
  return hit && Date.now() - hit.at < TTL_MS ? hit.client : undefined;
}

export function rememberClient(db: Db, key: string, client: Client): void {
  const { entries } = cache();
  if (entries.size > 10_000) entries.clear();
  entries.set(fullKey(db, key), { client, at: Date.now() });
}

/** The client found by `load` under `key`, from the cache when fresh. */
export async function cachedClientBy(db: Db, key: string, load: () => Promise<Client | null>): Promise<Client | null> {
  const hit = peekCachedClient(db, key);
  if (hit) return hit;
  const client = await load();
  if (client) rememberClient(db, key, client);
  return client;
}

export function getCachedClient(db: Db, id: string): Promise<Client | null> {
  return cachedClientBy(db, `id:${id}`, () => db.client.findUnique({ where: { id } }));
}

/** Drops every cached entry of this client (it may be cached under its agent ids and numbers too). */
export function forgetClient(id: string): void {
  const { entries } = cache();
  for (const [key, entry] of entries) if (entry.client.id === id) entries.delete(key);
}
