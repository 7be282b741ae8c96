// Messages per second per provider: a token bucket shared by all of the worker's
// concurrent sends through one provider. A send waits for its token, never drops.
// The bucket is kept as the time its next token is free (the GCRA form of a token
// bucket), so a burst of callers reserve their slots in arrival order, synchronously,
// and each sleeps only for its own wait.
import type { OutgoingMessage, Provider, SendResult } from "./types";

export interface RateLimiterOptions {
  /** Sustained rate; may be fractional (0.5 = one message every two seconds). */
  perSecond: number;
  /** Tokens the bucket holds (how many sends may go at once after a quiet spell). Default 1: never faster than perSecond in any window. */
  burst?: number;
  /** Milliseconds now; injectable for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  /** Resolves when the caller may send. */
  acquire(): Promise<void>;
  /** How long a caller arriving now would wait, in ms. */
  waitMs(): number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  if (!(opts.perSecond > 0)) throw new Error(`rate limit must be above 0 per second (got ${opts.perSecond})`);
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const intervalMs = 1000 / opts.perSecond;
  const toleranceMs = (Math.max(1, Math.floor(opts.burst ?? 1)) - 1) * intervalMs;
  // Theoretical arrival time: when the bucket would be full again if nobody else came.
  let tat = -Infinity;

  const waitAt = (t: number) => Math.max(0, Math.max(tat, t) - toleranceMs - t);

  return {
    async acquire() {
      const t = now();
      const wait = waitAt(t);
      tat = Math.max(tat, t) + intervalMs;
      if (wait > 0) await sleep(wait);
    },
    waitMs: () => waitAt(now()),
  };
}

/** Wraps a provider so every send first takes a token from `limiter` (or a new bucket). */
export function withRateLimit<P extends Provider>(provider: P, limit: RateLimiterOptions | RateLimiter): P {
  const limiter = "acquire" in limit ? limit : createRateLimiter(limit);
  return {
    ...provider,
    async send(message: OutgoingMessage): Promise<SendResult> {
      await limiter.acquire();
      return provider.send(message);
    },
  };
}
