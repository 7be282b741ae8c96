// One claimed message, decided: gate (opt-out, business hours) → send through the
// channel's chain → an outcome for the batch write (sent, failed with the next attempt,
// dead letter, cancelled by a rule, or pending again when held or rate-limited).
import type { Client, Message } from "../generated/sqlite/client";
import type { AttemptRow, Outcome } from "../queue/send-progress";
import { decideAfterFailure } from "../queue/retry-rule";
import { clientSettings } from "../domain/json-columns";
import type { Channel, ErrorClass } from "../domain/words";
import type { ProviderChains } from "../providers/registry";
import { estimateCostCents, type ChannelPrices } from "../providers/segments";
import { gateMessage, type GateContext } from "./gate";
import { sendThroughChain } from "./send-chain";

/** Provider codes that mean the recipient opted out (Twilio 21610: replied STOP). */
const OPT_OUT_CODES = new Set(["21610"]);

export interface MessageHandlerDeps {
  chains: ProviderChains;
  clock: () => Date;
  retryIntervalMs: number;
  prices?: ChannelPrices;
  suppress?: (s: { clientId: string; address: string; reason: string; channel?: string }) => Promise<unknown>;
}

export type Handled = { outcome: Outcome; attempts: AttemptRow[] };

export function createMessageHandler(deps: MessageHandlerDeps) {
  const { clock } = deps;

  function failureOutcome(m: Message, errorClass: ErrorClass, error: string, provider: string | null): Outcome {
    const decision = decideAfterFailure({ attempts: m.attempts + 1, maxAttempts: m.maxAttempts, errorClass, error, now: clock(), retryIntervalMs: deps.retryIntervalMs });
    return decision.status === "failed"
      ? { id: m.id, status: "failed", attemptsDelta: 1, provider, lastError: error, runAt: decision.nextAttemptAt }
      : { id: m.id, status: "dead_letter", attemptsDelta: 1, provider, lastError: error, deadLetterReason: decision.reason };
  }

  function pricesFor(client: Client | undefined): ChannelPrices {
    const own = client ? clientSettings(client).pricesCents : undefined;
    return { ...deps.prices, ...own };
  }

  /** `beforeSend` records the send as started; false means the lease was lost: nothing is sent. */
  async function handle(m: Message, ctx: GateContext, beforeSend: () => Promise<boolean> = async () => true): Promise<Handled | "lease_lost"> {
    const now = clock();
    const gate = gateMessage(m, ctx, now);
    if (gate.action === "dead_letter") {
      return { outcome: { id: m.id, status: "dead_letter", attemptsDelta: 0, deadLetterReason: gate.reason, lastError: gate.reason }, attempts: [] };
    }
    if (gate.action === "cancel") {
      return { outcome: { id: m.id, status: "cancelled", attemptsDelta: 0, lastError: gate.reason, historyNote: gate.reason }, attempts: [] };
    }
    if (gate.action === "hold") {
      return { outcome: { id: m.id, status: "pending", attemptsDelta: 0, runAt: gate.until, heldReason: gate.reason, historyNote: m.heldReason ? null : gate.reason }, attempts: [] };
    }
    const channel = m.channel as Channel;
    const client = ctx.clients.get(m.clientId);
    const from = channel === "sms" ? client?.smsFrom : channel === "whatsapp" ? client?.whatsappFrom : client?.emailFrom;
    if (!(await beforeSend())) return "lease_lost";
    const result = await sendThroughChain(
      { id: m.id, clientId: m.clientId, channel, to: m.to, from, subject: m.subject, body: m.body, headers: gate.headers },
      deps.chains[channel] ?? [],
      m.attempts + 1,
      clock,
    );
    if (result.ok) {
      const costCents = result.costCents ?? estimateCostCents(channel, m.body, pricesFor(client));
      return {
        outcome: { id: m.id, status: "sent", attemptsDelta: 1, provider: result.provider, providerMessageId: result.providerMessageId, costCents },
        attempts: result.attempts,
      };
    }
    if (result.retryAfterMs !== undefined) {
      // Every provider said "slow down": wait as asked, without spending an attempt.
      const until = new Date(clock().getTime() + result.retryAfterMs);
      return {
        outcome: { id: m.id, status: "pending", attemptsDelta: 0, provider: result.provider, lastError: result.error, runAt: until, heldReason: `rate limited by ${result.provider}; retrying at ${until.toISOString()}` },
        attempts: result.attempts,
      };
    }
    if (result.errorClass === "recipient" && result.code && OPT_OUT_CODES.has(result.code)) {
      await deps.suppress?.({ clientId: m.clientId, address: m.to.replace(/^whatsapp:/, ""), channel: m.channel, reason: `${result.provider} ${result.code}: recipient unsubscribed` });
    }
    return { outcome: failureOutcome(m, result.errorClass, result.error, result.provider), attempts: result.attempts };
  }

  return { handle, failureOutcome };
}
