// Which client a call belongs to: metadata.clientId, else the agent id, else the agent's number.
import type { Db } from "../db/client";
import type { Client } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { cachedClientBy } from "../clients/client-cache";
import type { CallWebhook } from "../schemas/call-webhook";

export async function resolveCallClient(db: Db, call: CallWebhook["call"]): Promise<Client> {
  const byId = typeof call.metadata?.clientId === "string" ? call.metadata.clientId : undefined;
  if (byId) {
    const client = await cachedClientBy(db, `id:${byId}`, () => db.client.findUnique({ where: { id: byId } }));
    if (client) return client;
  }
  if (call.agent_id) {
    const agentId = call.agent_id;
    const client = await cachedClientBy(db, `agent:${agentId}`, () => db.client.findFirst({ where: { agentIds: { contains: JSON.stringify(agentId) } } }));
    if (client) return client;
  }
  const agentNumber = call.direction === "outbound" ? call.from_number : call.to_number;
  if (agentNumber) {
    const client = await cachedClientBy(db, `number:${agentNumber}`, () => db.client.findFirst({ where: { phoneNumbers: { contains: JSON.stringify(agentNumber) } } }));
    if (client) return client;
  }
  throw new AppError("NOT_FOUND", `no client matches call ${call.call_id} (metadata.clientId, agent_id ${call.agent_id ?? "-"} or number ${agentNumber ?? "-"})`);
}
