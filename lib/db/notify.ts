// Wake-ups across replicas: an enqueue on one PostgreSQL handle wakes the idle workers of
// every other (other replicas, or a worker thread with its own handle). NOTIFY on the
// enqueuer's pool, LISTEN on one dedicated connection per subscribed handle. A handle's own
// notifications are not handed back to it (its process already knows: the bus nudges the
// worker). Notifications are coalesced (one NOTIFY in flight, at most one more queued), so
// a burst of enqueues costs a few statements, not one each. SQLite: both are no-ops (one
// file, one process; a worker thread hears of enqueues from its own process).
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Database } from "./client";

export const ENQUEUED_CHANNEL = "herald_enqueued";
const RECONNECT_MS = 1000;

interface Sender { id: string; inFlight: boolean; again: boolean }
interface Listener { callbacks: Set<() => void>; client?: pg.Client; closed: boolean; timer?: NodeJS.Timeout }

// Keyed by the handle's pool: copies of a handle ({...database}) share it.
const senders = new WeakMap<pg.Pool, Sender>();
const listeners = new WeakMap<pg.Pool, Listener>();

function senderOf(pool: pg.Pool): Sender {
  let s = senders.get(pool);
  if (!s) senders.set(pool, (s = { id: randomBytes(8).toString("hex"), inFlight: false, again: false }));
  return s;
}

/** Tells the other handles' workers that work is due. Never throws; a lost notification only costs their poll interval. */
export function notifyEnqueued(database: Database): void {
  const { pool } = database;
  if (!pool) return;
  const s = senderOf(pool);
  if (s.inFlight) {
    s.again = true;
    return;
  }
  s.inFlight = true;
  const send = (): void => {
    s.again = false;
    pool.query("SELECT pg_notify($1, $2)", [ENQUEUED_CHANNEL, s.id]).then(
      () => (s.again ? send() : void (s.inFlight = false)),
      () => void (s.inFlight = false),
    );
  };
  send();
}

function connect(pool: pg.Pool, l: Listener): void {
  if (l.closed) return;
  const client = new pg.Client(pool.options);
  const own = senderOf(pool).id;
  l.client = client;
  const retry = () => {
    if (l.client !== client) return;
    l.client = undefined;
    client.removeAllListeners("notification");
    void client.end().catch(() => {});
    if (!l.closed) l.timer = setTimeout(() => connect(pool, l), RECONNECT_MS);
  };
  client.on("error", retry);
  client.on("end", retry);
  client.on("notification", (n) => {
    if (n.channel !== ENQUEUED_CHANNEL || n.payload === own) return;
    for (const cb of l.callbacks) cb();
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${ENQUEUED_CHANNEL}`))
    // Notifications sent while this handle was not listening are lost: look once.
    .then(() => { for (const cb of l.callbacks) cb(); })
    .catch(retry);
}

/**
 * Calls `cb` when another handle enqueued due work (and once after each (re)connect of the
 * listening connection, for what may have been missed). Returns the unsubscribe; the last
 * one closes the connection. SQLite: never calls back.
 */
export function onEnqueued(database: Database, cb: () => void): () => void {
  const { pool } = database;
  if (!pool) return () => {};
  let l = listeners.get(pool);
  if (!l || l.closed) {
    listeners.set(pool, (l = { callbacks: new Set(), closed: false }));
    l.callbacks.add(cb);
    connect(pool, l);
  } else {
    l.callbacks.add(cb);
  }
  const mine = l;
  return () => {
    mine.callbacks.delete(cb);
    if (mine.callbacks.size === 0) stopListening(mine);
  };
}

function stopListening(l: Listener): void {
  l.closed = true;
  clearTimeout(l.timer);
  const client = l.client;
  l.client = undefined;
  if (client) {
    client.removeAllListeners("notification");
    void client.end().catch(() => {});
  }
}

/** Closes the handle's listening connection (Database.close calls it). */
export function closeNotifier(database: Database): void {
  if (!database.pool) return;
  const l = listeners.get(database.pool);
  if (l) stopListening(l);
  listeners.delete(database.pool);
}
