// Email through SendGrid's v3 Mail Send API (@sendgrid/mail). Each provider has its
// own MailService and Client rather than the module singletons, so two configurations
// never share a key or a base URL.
import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import type { ErrorClass } from "../queue/retry-rule";
import { networkErrorCode, parseRetryAfterMs } from "./network-errors";
import type { OutgoingMessage, Provider, SendResult } from "./types";
import { ProviderError } from "./types";

export interface SendgridOptions {
  apiKey: string;
  /** Another API base (proxy, local test double); SendGrid's own when unset. */
  apiBaseUrl?: string;
  /** EMAIL_FROM: the sender when the client has no emailFrom. */
  defaultFrom?: string;
  timeoutMs?: number;
}

interface SendgridErrorItem {
  message?: string;
  field?: string | null;
}

/** A field of the recipient list: personalizations[n].to/cc/bcc[m].email. */
const RECIPIENT_FIELD = /^personalizations(\.\d+|\[\d+\])\.(to|cc|bcc)\b/;

export function classifySendgridError(status: number, errors: SendgridErrorItem[]): ErrorClass {
  if (status === 408 || status === 429 || status >= 500) return "transient";
  if (status === 400 && errors.length > 0 && errors.every((e) => typeof e.field === "string" && RECIPIENT_FIELD.test(e.field))) return "recipient";
  // 401/403 (key, scopes, unverified sender), 413 and any other 400: the account or the request.
  return "provider";
}

function header(headers: unknown, name: string): unknown {
  if (!headers || typeof headers !== "object") return undefined;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  return typeof h.get === "function" ? h.get(name) : h[name];
}

/** Retry-After, or SendGrid's X-RateLimit-Reset (epoch seconds) when that is all it sent. */
function retryAfterFrom(headers: unknown): number | undefined {
  const retryAfter = parseRetryAfterMs(header(headers, "retry-after"));
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(header(headers, "x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
}

export function createSendgridProvider(opts: SendgridOptions): Provider {
  const client = new Client();
  client.setApiKey(opts.apiKey);
  // setApiKey resets baseUrl to SendGrid's own, so the override must come after it.
  if (opts.apiBaseUrl) client.setDefaultRequest("baseUrl", opts.apiBaseUrl);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(opts.timeoutMs ?? 10_000);

  return {
    name: "sendgrid",
    channels: ["email"],
    reportsDelivery: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const from = message.from || opts.defaultFrom;
      if (!from) throw new ProviderError("provider", "sendgrid: no sender (set the client's emailFrom or EMAIL_FROM)", "NO_SENDER");
      try {
        const [response] = await mail.send({
          from,
          to: message.to,
          subject: message.subject ?? "",
          text: message.body,
          // Echoed back on every Event Webhook event, so events can be matched without the X-Message-Id.
          customArgs: { heraldMessageId: message.id },
          ...(message.headers && Object.keys(message.headers).length ? { headers: message.headers } : {}),
        });
        const id = header(response.headers, "x-message-id");
        return { providerMessageId: typeof id === "string" && id ? id : `sendgrid-${message.id}` };
      } catch (err) {
        const failure = err as { code?: unknown; message?: string; response?: { headers?: unknown; body?: unknown } };
        if (typeof failure.code === "number" && failure.response) {
          const status = failure.code;
          const body = failure.response.body as { errors?: SendgridErrorItem[] } | undefined;
          const errors = Array.isArray(body?.errors) ? body.errors : [];
          const text = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).filter(Boolean).join("; ") || failure.message || `HTTP ${status}`;
          const retryAfterMs = status === 429 ? retryAfterFrom(failure.response.headers) : undefined;
          throw new ProviderError(classifySendgridError(status, errors), `sendgrid: ${status} ${text}`, `HTTP_${status}`, retryAfterMs);
        }
        const network = networkErrorCode(err);
        if (network) throw new ProviderError("transient", `sendgrid: network error (${network})`, network);
        throw new ProviderError("provider", `sendgrid: ${failure.message ?? String(err)}`, "SENDGRID_CLIENT_ERROR");
      }
    },
    async check(): Promise<void> {
      let scopes: unknown;
      try {
        const [, body] = await client.request({ method: "GET", url: "/v3/scopes" });
        scopes = (body as { scopes?: unknown })?.scopes;
      } catch (err) {
        const failure = err as { code?: unknown; message?: string; response?: { body?: unknown } };
        if (typeof failure.code === "number") {
          const body = failure.response?.body as { errors?: SendgridErrorItem[] } | undefined;
          const text = (body?.errors ?? []).map((e) => e.message).filter(Boolean).join("; ") || failure.message || `HTTP ${failure.code}`;
          throw new ProviderError(failure.code >= 500 ? "transient" : "provider", `sendgrid: ${failure.code} ${text}`, `HTTP_${failure.code}`);
        }
        const network = networkErrorCode(err);
        throw new ProviderError("transient", `sendgrid: ${network ? `network error (${network})` : failure.message ?? String(err)}`, network ?? "SENDGRID_CLIENT_ERROR");
      }
      if (!Array.isArray(scopes) || !scopes.includes("mail.send")) throw new ProviderError("provider", "sendgrid: the API key lacks the mail.send scope", "MISSING_SCOPE");
    },
  };
}
