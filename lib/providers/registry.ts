// Builds each channel's ordered failover chain from the configuration. Every real
// provider is wrapped: rate limit (innermost) → quick retries → circuit breaker, and every
// provider, the sandbox too, in metrics and failure logging (lib/providers/observed.ts).
import type { Config } from "../config";
import type { Channel } from "../domain/words";
import { withCircuitBreaker, type BreakerState } from "./circuit-breaker";
import { createHttpGatewayProvider } from "./http-gateway";
import { withObservation } from "./observed";
import { withQuickRetries } from "./quick-retry";
import { withRateLimit } from "./rate-limiter";
import { createSandboxProvider } from "./sandbox";
import { createSendgridProvider } from "./sendgrid";
import { createSmtpProvider } from "./smtp";
import { createTwilioProvider } from "./twilio";
import type { Provider } from "./types";

export type ProviderChains = Record<Channel, Provider[]>;
export type RegisteredProvider = Provider & { state?(): BreakerState; check?(): Promise<void> };

function need(config: Config, name: string, keys: (keyof Config)[]): void {
  const missing = keys.filter((k) => !config[k]);
  if (missing.length) throw new Error(`Provider "${name}" is in a *_PROVIDERS chain but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set`);
}

function createRaw(name: string, config: Config): { provider: Provider; perSecond?: number } {
  switch (name) {
    case "sandbox":
      return { provider: createSandboxProvider({ deliveryDelayMs: config.SANDBOX_DELIVERY_MS }) };
    case "twilio":
      need(config, name, ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"]);
      return {
        provider: createTwilioProvider({
          accountSid: config.TWILIO_ACCOUNT_SID!,
          authToken: config.TWILIO_AUTH_TOKEN!,
          fromNumber: config.TWILIO_FROM_NUMBER,
          messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
          whatsappFrom: config.TWILIO_WHATSAPP_FROM,
          apiBaseUrl: config.TWILIO_API_BASE_URL,
          statusCallbackUrl: new URL("/api/webhooks/twilio/status", config.PUBLIC_URL).href,
        }),
        perSecond: config.TWILIO_MAX_PER_SECOND,
      };
    case "http":
      need(config, name, ["SMS_HTTP_URL", "SMS_HTTP_TOKEN"]);
      return { provider: createHttpGatewayProvider({ url: config.SMS_HTTP_URL!, token: config.SMS_HTTP_TOKEN! }), perSecond: config.SMS_HTTP_MAX_PER_SECOND };
    case "smtp":
      need(config, name, ["SMTP_URL"]);
      return { provider: createSmtpProvider({ url: config.SMTP_URL!, defaultFrom: config.EMAIL_FROM }), perSecond: config.SMTP_MAX_PER_SECOND };
    case "sendgrid":
      need(config, name, ["SENDGRID_API_KEY"]);
      return {
        provider: createSendgridProvider({ apiKey: config.SENDGRID_API_KEY!, apiBaseUrl: config.SENDGRID_API_BASE_URL, defaultFrom: config.EMAIL_FROM }),
        perSecond: config.SENDGRID_MAX_PER_SECOND,
      };
    default:
      throw new Error(`Unknown provider "${name}" in a *_PROVIDERS chain (known: sandbox, twilio, http, smtp, sendgrid)`);
  }
}

/** The chains API.md promises when *_PROVIDERS is unset: whatever has credentials, else the sandbox. */
export function defaultChains(config: Config): Record<Channel, string[]> {
  const twilio = config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN;
  const sms = [...(twilio ? ["twilio"] : []), ...(config.SMS_HTTP_URL && config.SMS_HTTP_TOKEN ? ["http"] : [])];
  const email = [...(config.SMTP_URL ? ["smtp"] : []), ...(config.SENDGRID_API_KEY ? ["sendgrid"] : [])];
  return {
    sms: sms.length ? sms : ["sandbox"],
    whatsapp: twilio ? ["twilio"] : ["sandbox"],
    email: email.length ? email : ["sandbox"],
  };
}

export function createProviderChains(config: Config): { chains: ProviderChains; providers: RegisteredProvider[] } {
  const known = new Map<string, RegisteredProvider>();
  const build = (name: string): RegisteredProvider => {
    const existing = known.get(name);
    if (existing) return existing;
    const { provider: raw, perSecond } = createRaw(name, config);
    const provider = withObservation(
      name === "sandbox"
        ? raw
        : withCircuitBreaker(withQuickRetries(perSecond ? withRateLimit(raw, { perSecond }) : raw), {
            failureThreshold: config.PROVIDER_BREAKER_FAILURES,
            openMs: config.PROVIDER_BREAKER_OPEN_MS,
          }),
    );
    known.set(name, provider);
    return provider;
  };
  const defaults = defaultChains(config);
  const chainFor = (names: string[] | undefined, channel: Channel) => {
    const chain = (names?.length ? names : defaults[channel]).map(build);
    for (const p of chain) {
      if (!p.channels.includes(channel)) throw new Error(`Provider "${p.name}" cannot send ${channel}`);
    }
    return chain;
  };
  const chains: ProviderChains = {
    sms: chainFor(config.SMS_PROVIDERS, "sms"),
    whatsapp: chainFor(config.WHATSAPP_PROVIDERS, "whatsapp"),
    email: chainFor(config.EMAIL_PROVIDERS, "email"),
  };
  return { chains, providers: [...known.values()] };
}
