// Herald's one context: what server.ts opens and starts (configuration, database, event
// bus, runtime state, caches), built once per process and handed to whoever needs it.
// Route handlers get it from route()/withAuth(); lib functions take what they need as
// arguments. It is kept under ONE global key because Next bundles the route handlers
// separately from server.ts, and a module-level value would exist twice.
import { getConfigFrom, type Config } from "./config";
import type { Database } from "./db/client";
import { EventBus } from "./events/bus";
import type { Runtime } from "./runtime";

/** What a use case needs from the process: the database, the bus its changes are announced on, the configuration. */
export interface Services {
  database: Database;
  bus: EventBus;
  config: Config;
}

export interface HeraldContext {
  config: Config;
  bus: EventBus;
  /** Opened on first use (route handlers may run before server.ts finished starting). */
  database(): Promise<Database>;
  runtime?: Runtime;
  /** Process-wide caches and buffers, each owned by its module (client cache, ingest queues, metrics, error logger). */
  slots: Map<string, unknown>;
  close(): Promise<void>;
}

const KEY = "__herald";
type Holder = { [KEY]?: HeraldContext };
const holder = globalThis as unknown as Holder;

export function createContext(env: Record<string, string | undefined> = process.env): HeraldContext {
  const config = getConfigFrom(env);
  let opened: Promise<Database> | undefined;
  const ctx: HeraldContext = {
    config,
    bus: new EventBus(),
    // Imported when first used, so that light importers (the page proxy reads the config) stay free of the drivers.
    database: () => (opened ??= import("./db/client").then((m) => m.openDatabase(ctx.config.DATABASE_URL))),
    slots: new Map(),
    async close() {
      const pending = opened;
      opened = undefined;
      if (pending) await (await pending).close();
    },
  };
  return ctx;
}

/** The context's services, its database opened. */
export async function servicesOf(ctx: HeraldContext): Promise<Services> {
  return { database: await ctx.database(), bus: ctx.bus, config: ctx.config };
}

/** The process's context (created from the environment on first use). */
export function getContext(): HeraldContext {
  holder[KEY] ??= createContext();
  return holder[KEY];
}

/** server.ts installs the context it built; tests install one of their own and drop it after. */
export function setContext(ctx: HeraldContext | undefined): void {
  holder[KEY] = ctx;
}

/** A module's own process-wide value (a cache, a buffer), kept in the context rather than in a global of its own. */
export function contextSlot<T>(name: string, create: () => T): T {
  const { slots } = getContext();
  if (!slots.has(name)) slots.set(name, create());
  return slots.get(name) as T;
}

/** The Prisma client of the context's database (for callers that need only that). */
export async function getDb() {
  return (await getContext().database()).db;
}
