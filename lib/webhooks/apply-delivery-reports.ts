// Applies provider delivery reports (Twilio status callbacks, SendGrid events) through the
// queue's delivery transitions and publishes what moved.
import type { Services } from "../context";
import { applyStatusReports, type StatusReport } from "../queue/delivery";
import { publish } from "../queue/publish";

export async function applyDeliveryReports({ database, bus }: Services, reports: StatusReport[], now = new Date()) {
  const result = await applyStatusReports(database, reports, now);
  publish(bus, result.transitions);
  return result;
}
