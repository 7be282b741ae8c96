// The outermost wrapper of every provider: each call the chain makes (one attempt row) is
// counted and timed in /api/metrics, and a failure is one log line (an operator sees a
// provider going wrong in the log, not only in the console). A success logs nothing.
// A call skipped by an open circuit breaker is counted, not logged: it is not a provider call,
// and an open breaker would otherwise log every message it skips.
import { logFor } from "../log";
import { metrics, registerProviderMetrics } from "../metrics";
import type { OutgoingMessage, Provider, SendResult } from "./types";
import { ProviderError } from "./types";

export function withObservation<P extends Provider>(provider: P): P {
  registerProviderMetrics(provider.name);
  return {
    ...provider,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const m = metrics();
      const stopTimer = m.providerSendSeconds.startTimer({ provider: provider.name });
      try {
        const result = await provider.send(message);
        stopTimer();
        m.providerAttempts.inc({ provider: provider.name, outcome: "sent", error_class: "none" });
        return result;
      } catch (err) {
        stopTimer();
        const errorClass = err instanceof ProviderError ? err.errorClass : "transient";
        const code = err instanceof ProviderError ? err.code ?? null : null;
        m.providerAttempts.inc({ provider: provider.name, outcome: "failed", error_class: errorClass });
        if (code !== "CIRCUIT_OPEN") {
          const line = { provider: provider.name, errorClass, code, messageId: message.id, clientId: message.clientId, channel: message.channel };
          logFor("providers")[errorClass === "provider" ? "error" : "warn"](line, `provider send failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        throw err;
      }
    },
  };
}
