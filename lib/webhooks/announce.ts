// Applies provider status reports and tells the console (and alerts) what moved.
import type { Db } from "../db";
import { getBus } from "../events/bus";
import { applyStatusReports, type StatusReport } from "../queue/delivery";
import { toEventPayload } from "../queue/serialize";
import type { MessageEventName } from "../realtime/contract";

export async function applyAndAnnounce(db: Db, reports: StatusReport[], now = new Date()) {
  const result = await applyStatusReports(db, reports, now);
  const bus = getBus();
  for (const m of result.moved) bus.emit("message", { event: m.status as MessageEventName, payload: toEventPayload(m) });
  return result;
}
