// Login attempts are rate-limited per address and overall (a guesser with many addresses
// still meets the overall limit). Token buckets refilled per minute; every attempt takes a
// token from both up front, so concurrent guesses cannot slip past, and a successful
// login gives them back, so people who type their password right are never limited.
import { AppError } from "../errors";

const MINUTE_MS = 60_000;
/** Past this many tracked addresses, full buckets (addresses quiet for a minute) are dropped. */
const MAX_TRACKED = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export interface LoginLimiter {
  /** Takes an attempt for `address`; throws 429 RATE_LIMITED (with the wait in seconds) when none is left. */
  take(address: string): void;
  /** Gives the attempt back (after a successful login). */
  refund(address: string): void;
}

export function createLoginLimiter(opts: { perAddress: number; overall: number; now?: () => number }): LoginLimiter {
  const now = opts.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  const overall: Bucket = { tokens: opts.overall, at: now() };

  const refill = (b: Bucket, perMinute: number, t: number) => {
    b.tokens = Math.min(perMinute, b.tokens + ((t - b.at) * perMinute) / MINUTE_MS);
    b.at = t;
  };
  const waitSeconds = (b: Bucket, perMinute: number) => Math.max(1, Math.ceil(((1 - b.tokens) * MINUTE_MS) / perMinute / 1000));

  const bucketFor = (address: string, t: number): Bucket => {
    let b = buckets.get(address);
    if (!b) {
      if (buckets.size >= MAX_TRACKED) {
        for (const [key, other] of buckets) {
          refill(other, opts.perAddress, t);
          if (other.tokens >= opts.perAddress) buckets.delete(key);
        }
      }
      b = { tokens: opts.perAddress, at: t };
      buckets.set(address, b);
    }
    return b;
  };

  return {
    take(address) {
      const t = now();
      const mine = bucketFor(address, t);
      refill(mine, opts.perAddress, t);
      refill(overall, opts.overall, t);
      const limited = mine.tokens < 1 ? waitSeconds(mine, opts.perAddress) : overall.tokens < 1 ? waitSeconds(overall, opts.overall) : 0;
      if (limited) throw new RateLimitedError(limited);
      mine.tokens -= 1;
      overall.tokens -= 1;
    },
    refund(address) {
      const mine = buckets.get(address);
      if (mine) mine.tokens = Math.min(opts.perAddress, mine.tokens + 1);
      overall.tokens = Math.min(opts.overall, overall.tokens + 1);
    },
  };
}

/** 429 with how long to wait; lib/http/route.ts turns `retryAfterSeconds` into Retry-After. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `too many login attempts: try again in ${retryAfterSeconds} s`);
  }
}
