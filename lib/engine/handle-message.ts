// One claimed message, decided: gate (opt-out, business hours) → send through the
// channel's chain → an outcome for the batch write (sent, failed with the next attempt,
// dead letter, cancelled by a rule, or pending again when held or rate-limited).
import type { Client, Message } from "../generated/sqlite/client";
import type { AttemptRow, Outcome } from "../queue/send-progress";
import { decideAfterFailure } from "../queue/retry-rule";
import { clientSettings } from "../domain/json-columns";
import type { Channel, ErrorClass } from "../domain/words";
import type { ProviderChains } from "../providers/registry";
import type { OutgoingMessage } from "../providers/types";
import { estimateCostCents, type ChannelPrices } from "../providers/segments";
import { gateMessage, isSuppressed, whatsappConversationOf, type GateContext } from "./gate";
import { decideWhatsAppSend } from "../whatsapp/window";
import { mediaUrlsOf } from "../messages/media";
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
    const client = ctx.clients.get(m.clientId);
    const fromOf = (c: Channel) => (c === "sms" ? client?.smsFrom : c === "whatsapp" ? client?.whatsappFrom : client?.emailFrom);
    let message: OutgoingMessage = { id: m.id, clientId: m.clientId, channel: m.channel as Channel, to: m.to, from: fromOf(m.channel as Channel), subject: m.subject, body: m.body, headers: gate.headers, mediaUrls: mediaUrlsOf(m.metadata) };
    let note: string | null = null;
    let sentAs: Outcome["sentAs"] = null;
    if (m.channel === "whatsapp") {
      // WhatsApp's 24-hour window, judged now (it may have closed while the message waited).
      const decision = decideWhatsAppSend({
        message: m, now, windowClosesAt: ctx.whatsappWindows?.get(whatsappConversationOf(m)) ?? null,
        client: { name: client?.name ?? "", smsFrom: client?.smsFrom ?? null }, settings: client ? clientSettings(client) : {},
        smsSuppressed: isSuppressed(ctx, m.clientId, m.to, "sms"),
      });
      if (decision.mode === "dead_letter") {
        return { outcome: { id: m.id, status: "dead_letter", attemptsDelta: 0, deadLetterReason: decision.reason, lastError: decision.reason }, attempts: [] };
      }
      if (decision.mode === "template") {
        // The template is the whole message: its text and any media were approved with it.
        message = { ...message, whatsappTemplate: { contentSid: decision.contentSid, contentVariables: decision.contentVariables }, mediaUrls: undefined };
        note = decision.note;
      } else if (decision.mode === "sms") {
        message = { ...message, channel: "sms", to: decision.to, from: fromOf("sms"), body: decision.body };
        note = decision.note;
        sentAs = { channel: "sms", to: decision.to, body: decision.body };
      }
    }
    const channel = message.channel;
    if (!(await beforeSend())) return "lease_lost";
    const result = await sendThroughChain(message, deps.chains[channel] ?? [], m.attempts + 1, clock);
    if (result.ok) {
      const costCents = result.costCents ?? estimateCostCents(channel, message.body, pricesFor(client));
      return {
        outcome: {
          id: m.id, status: "sent", attemptsDelta: 1, provider: result.provider, providerMessageId: result.providerMessageId, costCents, sentAs,
          historyNote: note ? `via ${result.provider}: ${note}` : null,
        },
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
