// What the bus says, turned into metrics and the few log lines an operator needs: every
// status change counts in herald_message_events_total, every call event in
// herald_call_events_total, and a dead letter is one log line (a message no retry will send).
// Listening to the bus keeps the worker and the queue free of logging and metrics code.
import type { EventBus } from "../events/bus";
import { logFor } from "../log";
import { metrics } from "../metrics";

export function observeBus(bus: EventBus): () => void {
  const m = metrics();
  const log = logFor("queue");
  const offMessage = bus.on("message", ({ event, payload }) => {
    m.messageEvents.inc({ event, channel: payload.channel });
    if (event === "dead_letter") {
      log.warn(
        { messageId: payload.messageId, clientId: payload.clientId, channel: payload.channel, provider: payload.provider, attempts: payload.attempts },
        `dead letter: ${payload.error ?? "no reason given"}`,
      );
    }
  });
  const offCall = bus.on("call", ({ event }) => m.callEvents.inc({ event }));
  return () => {
    offMessage();
    offCall();
  };
}
