// The generic HTTP SMS gateway of API.md "Configuration": POST {to, from, body, messageId}
// as JSON with a bearer token; a 2xx {id} means accepted. 4xx is permanent (recipient,
// or provider for 401/403), 429 and 5xx are transient. Every request carries
// `Idempotency-Key: <message id>`, the same for every send of one message, so a gateway that
// honours it drops the repeat Herald makes after a crash left a send's outcome unknown.
import type { ErrorClass } from "../domain/words";
import { networkErrorCode, parseRetryAfterMs } from "./network-errors";
import type { OutgoingMessage, Provider, SendResult } from "./types";
import { ProviderError } from "./types";

export interface HttpGatewayOptions {
  url: string;
  token: string;
  timeoutMs?: number;
}

export function classifyGatewayStatus(status: number): ErrorClass {
  if (status === 408 || status === 429 || status >= 500) return "transient";
  if (status === 400 || status === 404 || status === 410 || status === 422) return "recipient";
  // 401/403 (credentials), 405/413/415 (we and the gateway disagree): a human must look.
  return "provider";
}

/** The gateway's own error text and code when its body carries them ({error}, {message}, {code}). */
function describeBody(body: unknown): { message?: string; code?: string } {
  if (!body || typeof body !== "object") return {};
  const b = body as Record<string, unknown>;
  const nested = b.error && typeof b.error === "object" ? (b.error as Record<string, unknown>) : undefined;
  const message = [nested?.message, b.error, b.message].find((v): v is string => typeof v === "string");
  const code = [nested?.code, b.code].find((v) => typeof v === "string" || typeof v === "number");
  return { message, code: code === undefined ? undefined : String(code) };
}

export function createHttpGatewayProvider(opts: HttpGatewayOptions): Provider {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return {
    name: "http",
    channels: ["sms"],
    reportsDelivery: false,
    async send(message: OutgoingMessage): Promise<SendResult> {
      let response: Response;
      let body: unknown;
      try {
        response = await fetch(opts.url, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${opts.token}`, "Idempotency-Key": message.id },
          body: JSON.stringify({ to: message.to, from: message.from ?? null, body: message.body, messageId: message.id }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
      } catch (err) {
        const network = networkErrorCode(err) ?? "NETWORK";
        throw new ProviderError("transient", `http gateway: network error (${network})`, network);
      }
      if (response.ok) {
        // A 2xx is accepted even without an {id}: failing over now would send the SMS twice.
        const id = body && typeof body === "object" ? (body as { id?: unknown }).id : undefined;
        return { providerMessageId: typeof id === "string" || typeof id === "number" ? String(id) : `http-${message.id}` };
      }
      const status = response.status;
      const described = describeBody(body);
      const retryAfterMs = status === 429 ? parseRetryAfterMs(response.headers.get("retry-after")) : undefined;
      const text = described.message ?? (typeof body === "string" && body ? body.slice(0, 200) : response.statusText);
      throw new ProviderError(classifyGatewayStatus(status), `http gateway: ${status} ${text}`.trim(), described.code ?? `HTTP_${status}`, retryAfterMs);
    },
  };
}
