// Twilio for SMS and WhatsApp through the official SDK. Every failure is classified
// here, once: Twilio's error code decides where it has one, the HTTP status otherwise.
import { AsyncLocalStorage } from "node:async_hooks";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import type { Channel } from "../domain/words";
import type { ErrorClass } from "../queue/retry-rule";
import { networkErrorCode, parseRetryAfterMs } from "./network-errors";
import type { OutgoingMessage, Provider, SendResult } from "./types";
import { ProviderError } from "./types";

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** Default SMS sender when the client has no smsFrom. */
  fromNumber?: string;
  /** Used when neither the client nor fromNumber / whatsappFrom names a sender. */
  messagingServiceSid?: string;
  /** Default WhatsApp sender ("whatsapp:+E164" or "+E164") when the client has no whatsappFrom. */
  whatsappFrom?: string;
  /** Another API base (proxy, local test double); Twilio's own when unset. */
  apiBaseUrl?: string;
  /** PUBLIC_URL + /api/webhooks/twilio/status. */
  statusCallbackUrl: string;
  timeoutMs?: number;
}

/** The recipient is the problem: no failover, no retry. */
const RECIPIENT_CODES = new Set([
  21211, // invalid 'To' number
  21217, // phone number does not appear to be valid
  21401, // invalid phone number
  21421, // phone number is invalid
  21610, // recipient replied STOP (unsubscribed)
  21612, // 'To' number not reachable via SMS / this channel
  21614, // 'To' number is not a mobile number
  63016, // WhatsApp: free text outside the 24-hour window (only an approved template may be sent)
  63024, // WhatsApp: invalid message recipient
]);

/** What an operator should read for codes whose Twilio wording does not say what to do. */
const EXPLANATIONS: Record<number, string> = {
  63016: "WhatsApp's 24-hour window is closed: the customer has not written in the last 24 hours, so only an approved template can be sent (map one under the client's WhatsApp templates)",
};

/** The account or sender is the problem: a human must fix it; the next provider may work. */
const PROVIDER_CODES = new Set([
  20003, // authentication failed
  20005, // account not active
  20008, // test credentials cannot be used for this resource
  20404, // resource not found (wrong account SID, messaging service or API base)
  21408, // permission to send to this region not enabled
  21603, // 'From' number required
  21606, // 'From' number is not a valid, message-capable number for this account
  21608, // trial account: 'To' number is unverified
  21611, // 'From' number has too many queued messages
  21659, // 'From' is not a Twilio number
  21703, // messaging service has no phone numbers
  21704, // messaging service has no senders
  30007, // carrier filtered the message (spam/compliance)
  63007, // WhatsApp: no channel for this 'From' address
]);

/** Twilio says "busy, try again". */
const TRANSIENT_CODES = new Set([20429, 20500, 20503, 30001, 14107]);

export function classifyTwilioError(status: number | undefined, code: number | undefined): ErrorClass {
  if (code !== undefined) {
    if (RECIPIENT_CODES.has(code)) return "recipient";
    if (PROVIDER_CODES.has(code)) return "provider";
    if (TRANSIENT_CODES.has(code)) return "transient";
  }
  if (status === undefined || status === 429 || status === 408 || status >= 500) return "transient";
  // Any other 4xx: a request this account cannot make; another provider might.
  return "provider";
}

/** Adds the "whatsapp:" scheme where it is missing. */
export function toWhatsAppAddress(address: string): string {
  return address.startsWith("whatsapp:") ? address : `whatsapp:${address.trim()}`;
}

/** Twilio's price is a negative decimal string in `price_unit` (USD): "-0.00750" → 1 cent. */
export function twilioPriceToCents(price: string | null | undefined): number | undefined {
  if (price === null || price === undefined || price === "") return undefined;
  const value = Math.abs(Number(price));
  return Number.isFinite(value) ? Math.max(0, Math.round(value * 100)) : undefined;
}

/**
 * What the message says: an approved template (ContentSid + ContentVariables, no Body: the
 * template is the text), or the body with any media (MediaUrl, repeated). A blank body is
 * left out so a picture can go alone.
 */
export function contentOf(message: Pick<OutgoingMessage, "body" | "mediaUrls" | "whatsappTemplate">): { body?: string; mediaUrl?: string[]; contentSid?: string; contentVariables?: string } {
  if (message.whatsappTemplate) {
    const { contentSid, contentVariables } = message.whatsappTemplate;
    return { contentSid, ...(Object.keys(contentVariables).length ? { contentVariables: JSON.stringify(contentVariables) } : {}) };
  }
  return { ...(message.body.trim() ? { body: message.body } : {}), ...(message.mediaUrls?.length ? { mediaUrl: message.mediaUrls } : {}) };
}

interface HttpFailure {
  status?: number;
  code?: number;
  message?: string;
}

export function createTwilioProvider(opts: TwilioOptions): Provider {
  // The SDK's RestException carries no headers; each send keeps the headers of its own
  // last response here so a 429's Retry-After reaches the error (AsyncLocalStorage keeps
  // concurrent sends apart).
  const responseHeaders = new AsyncLocalStorage<{ headers?: Record<string, unknown> }>();
  class HeaderKeepingClient extends twilio.RequestClient {
    override async request<T>(o: RequestClient.RequestOptions<T>) {
      const response = await super.request<T>(o);
      const slot = responseHeaders.getStore();
      if (slot) slot.headers = response.headers as Record<string, unknown>;
      return response;
    }
  }
  const client = twilio(opts.accountSid, opts.authToken, {
    httpClient: new HeaderKeepingClient({ timeout: opts.timeoutMs ?? 10_000 }),
    autoRetry: false,
  });
  if (opts.apiBaseUrl) client.api.baseUrl = opts.apiBaseUrl;

  function senderFor(message: OutgoingMessage): { from: string } | { messagingServiceSid: string } {
    const channel: Channel = message.channel;
    const from = message.from || (channel === "whatsapp" ? opts.whatsappFrom : opts.fromNumber);
    if (from) return { from: channel === "whatsapp" ? toWhatsAppAddress(from) : from };
    if (opts.messagingServiceSid) return { messagingServiceSid: opts.messagingServiceSid };
    throw new ProviderError("provider", `twilio: no ${channel} sender (set the client's sender, the default from number or a messaging service)`, "NO_SENDER");
  }

  function toProviderError(err: unknown, headers: Record<string, unknown> | undefined): ProviderError {
    if (err instanceof ProviderError) return err;
    const failure = err as HttpFailure;
    if (typeof failure?.status === "number") {
      const errorClass = classifyTwilioError(failure.status, failure.code);
      const retryAfterMs = failure.status === 429 ? parseRetryAfterMs(headers?.["retry-after"]) : undefined;
      const code = failure.code !== undefined ? String(failure.code) : `HTTP_${failure.status}`;
      const explained = failure.code !== undefined ? EXPLANATIONS[failure.code] : undefined;
      return new ProviderError(errorClass, `twilio: ${explained ?? failure.message ?? `HTTP ${failure.status}`}`, code, retryAfterMs);
    }
    const network = networkErrorCode(err);
    if (network) return new ProviderError("transient", `twilio: network error (${network})`, network);
    // Not an answer from Twilio and not the network: the SDK refused the request (bad configuration).
    return new ProviderError("provider", `twilio: ${err instanceof Error ? err.message : String(err)}`, "TWILIO_CLIENT_ERROR");
  }

  return {
    name: "twilio",
    channels: ["sms", "whatsapp"],
    reportsDelivery: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const slot: { headers?: Record<string, unknown> } = {};
      try {
        const to = message.channel === "whatsapp" ? toWhatsAppAddress(message.to) : message.to;
        const created = await responseHeaders.run(slot, () =>
          client.messages.create({ to, ...senderFor(message), ...contentOf(message), statusCallback: opts.statusCallbackUrl }),
        );
        return { providerMessageId: created.sid, costCents: twilioPriceToCents(created.price) };
      } catch (err) {
        throw toProviderError(err, slot.headers);
      }
    },
    async check(): Promise<void> {
      let account: { status?: string };
      try {
        account = await client.api.v2010.accounts(opts.accountSid).fetch();
      } catch (err) {
        throw toProviderError(err, undefined);
      }
      if (account.status && account.status !== "active") throw new ProviderError("provider", `twilio: account ${opts.accountSid} is ${account.status}`, "ACCOUNT_NOT_ACTIVE");
    },
  };
}
