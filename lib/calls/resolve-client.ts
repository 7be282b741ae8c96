// Which client a call belongs to: metadata.clientId, else the agent id, else the agent's
// number (`to_number` inbound, `from_number` outbound), the last two through the routes a
// client owns (lib/clients/routes.ts), so no two clients can both match. A batch of calls is
// resolved with one lookup for whatever the cache does not already know.
import type { Db } from "../db/client";
import type { Client } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { peekCachedClient, rememberClient } from "../clients/client-cache";
import type { CallWebhook } from "../schemas/call-webhook";

type Call = CallWebhook["call"];
type Candidate = { kind: "id" | "agent" | "phone"; value: string };

/** Where to look for this call's client, in order of precedence. */
function candidates(call: Call): Candidate[] {
  const out: Candidate[] = [];
  if (typeof call.metadata?.clientId === "string" && call.metadata.clientId) out.push({ kind: "id", value: call.metadata.clientId });
  if (call.agent_id) out.push({ kind: "agent", value: call.agent_id });
  const agentNumber = call.direction === "outbound" ? call.from_number : call.to_number;
  if (agentNumber) out.push({ kind: "phone", value: agentNumber });
  return out;
}

const keyOf = (c: Candidate) => `${c.kind}:${c.value}`;

function notFound(call: Call): AppError {
  const agentNumber = call.direction === "outbound" ? call.from_number : call.to_number;
  return new AppError("NOT_FOUND", `no client matches call ${call.call_id} (metadata.clientId, agent_id ${call.agent_id ?? "-"} or number ${agentNumber ?? "-"})`);
}

/** The client of each call, in order; NOT_FOUND (as a value, not thrown) where none matches. */
export async function resolveCallClients(db: Db, calls: Call[]): Promise<(Client | AppError)[]> {
  const lists = calls.map(candidates);
  // Only what precedes a cached answer needs looking up: a cached agent does not settle a call
  // whose metadata names a client we have not looked for yet.
  const missing = new Map<string, Candidate>();
  for (const list of lists) {
    for (const c of list) {
      if (peekCachedClient(db, keyOf(c))) break;
      missing.set(keyOf(c), c);
    }
  }
  const found = await lookUp(db, [...missing.values()]);
  for (const [key, client] of found) rememberClient(db, key, client);
  return calls.map((call, i) => {
    for (const c of lists[i]!) {
      const client = peekCachedClient(db, keyOf(c)) ?? found.get(keyOf(c));
      if (client) return client;
    }
    return notFound(call);
  });
}

export async function resolveCallClient(db: Db, call: Call): Promise<Client> {
  const [client] = await resolveCallClients(db, [call]);
  if (client instanceof AppError) throw client;
  return client!;
}

/** One lookup: the clients named by id, and those owning any of the agent ids or numbers. */
async function lookUp(db: Db, wanted: Candidate[]): Promise<Map<string, Client>> {
  const out = new Map<string, Client>();
  const ids = wanted.filter((c) => c.kind === "id").map((c) => c.value);
  const routes = (["agent", "phone"] as const)
    .map((kind) => ({ kind, value: { in: wanted.filter((c) => c.kind === kind).map((c) => c.value) } }))
    .filter((r) => r.value.in.length);
  if (!routes.length) {
    if (ids.length) for (const client of await db.client.findMany({ where: { id: { in: ids } } })) out.set(`id:${client.id}`, client);
    return out;
  }
  const clients = await db.client.findMany({
    where: { OR: [...(ids.length ? [{ id: { in: ids } }] : []), { routes: { some: { OR: routes } } }] },
    include: { routes: { where: { OR: routes } } },
  });
  for (const { routes: owned, ...client } of clients) {
    if (ids.includes(client.id)) out.set(`id:${client.id}`, client);
    for (const r of owned) out.set(`${r.kind}:${r.value}`, client);
  }
  return out;
}
