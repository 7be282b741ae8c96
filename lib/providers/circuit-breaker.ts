// A circuit breaker per provider, so a dead provider does not slow every send.
// closed: calls go through; `failureThreshold` consecutive transient or provider
// failures open it. open: send() fails fast with a transient CIRCUIT_OPEN error
// without calling the provider, and the chain moves on at once. After `openMs` it is
// half-open: one trial call goes through (others still fail fast); success closes it,
// failure opens it again for another `openMs`.
// A recipient error is an answer from a working provider: it never counts as a
// failure, and it closes a half-open breaker like a success.
import type { OutgoingMessage, Provider, SendResult } from "./types";
import { ProviderError } from "./types";

export type BreakerStateName = "closed" | "open" | "half_open";

export interface BreakerState {
  state: BreakerStateName;
  /** Consecutive failures counted so far. */
  failures: number;
  /** When the breaker last opened (ISO-8601), null while closed. */
  openedAt: string | null;
}

export interface CircuitBreakerOptions {
  failureThreshold: number;
  openMs: number;
  clock?: () => Date;
}

export type BreakerProvider<P extends Provider = Provider> = P & { state(): BreakerState };

export function withCircuitBreaker<P extends Provider>(provider: P, opts: CircuitBreakerOptions): BreakerProvider<P> {
  const clock = opts.clock ?? (() => new Date());
  const threshold = Math.max(1, opts.failureThreshold);
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  const now = () => clock().getTime();
  const isOpen = () => openedAt !== null;
  const coolingDown = () => openedAt !== null && now() - openedAt < opts.openMs;

  function recordSuccess() {
    failures = 0;
    openedAt = null;
  }

  function recordFailure() {
    failures++;
    if (isOpen() || failures >= threshold) openedAt = now();
  }

  function counts(err: unknown): boolean {
    return !(err instanceof ProviderError && err.errorClass === "recipient");
  }

  return {
    ...provider,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const trial = isOpen();
      if (trial && (coolingDown() || trialInFlight)) {
        throw new ProviderError("transient", `${provider.name}: circuit open after ${failures} consecutive failures, skipped`, "CIRCUIT_OPEN");
      }
      if (trial) trialInFlight = true;
      try {
        const result = await provider.send(message);
        recordSuccess();
        return result;
      } catch (err) {
        if (counts(err)) recordFailure();
        else recordSuccess();
        throw err;
      } finally {
        if (trial) trialInFlight = false;
      }
    },
    state(): BreakerState {
      const state: BreakerStateName = !isOpen() ? "closed" : coolingDown() ? "open" : "half_open";
      return { state, failures, openedAt: openedAt === null ? null : new Date(openedAt).toISOString() };
    },
  };
}
