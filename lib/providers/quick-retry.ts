// Quick retries inside one provider call: a network blip (connection reset, a 503
// from a load balancer) is retried after 100, 200 and 400 ms before it counts as a
// failed attempt. Only transient errors without a Retry-After are retried here; a
// 429 with Retry-After, a provider error and a recipient error go out unchanged.
import type { OutgoingMessage, Provider, SendResult } from "./types";
import { ProviderError } from "./types";

export interface QuickRetryOptions {
  delaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function withQuickRetries<P extends Provider>(provider: P, opts: QuickRetryOptions = {}): P {
  const delays = opts.delaysMs ?? [100, 200, 400];
  const sleep = opts.sleep ?? realSleep;
  return {
    ...provider,
    async send(message: OutgoingMessage): Promise<SendResult> {
      for (let retry = 0; ; retry++) {
        try {
          return await provider.send(message);
        } catch (err) {
          if (retry >= delays.length || !isQuickRetryable(err)) throw err;
          await sleep(delays[retry]!);
        }
      }
    },
  };
}

/** A blip worth retrying at once: transient, not rate-limited with a Retry-After, not our own breaker. */
export function isQuickRetryable(err: unknown): boolean {
  return err instanceof ProviderError && err.errorClass === "transient" && err.retryAfterMs === undefined && err.code !== "CIRCUIT_OPEN";
}

