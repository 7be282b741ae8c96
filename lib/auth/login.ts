// POST /api/auth/login's rule: rate-limited, constant-time, and a session row per success.
import type { Db } from "../db/client";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { createLoginLimiter, type LoginLimiter } from "./login-limiter";
import { passwordMatches } from "./password";
import { createSession } from "./sessions";
import type { SessionToken } from "./session";

/**
 * Every failed login answers this long after it arrived, whatever the password was, so
 * response times tell a guesser nothing and each guess costs it this much wall time.
 */
export const FAILED_LOGIN_MS = 400;

// One limiter per process (the login route's bundle holds this module once).
let limiter: LoginLimiter | undefined;

function getLimiter(): LoginLimiter {
  const config = getConfig();
  limiter ??= createLoginLimiter({ perAddress: config.LOGIN_RATE_LIMIT_PER_ADDRESS, overall: config.LOGIN_RATE_LIMIT_GLOBAL });
  return limiter;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/** Checks the admin password and starts a session; 401 when wrong, 429 when too many tries. */
export async function logIn(db: Db, attempt: { password: string; address: string; userAgent: string | null }): Promise<SessionToken> {
  const started = Date.now();
  getLimiter().take(attempt.address);
  if (!passwordMatches(attempt.password, getConfig().ADMIN_PASSWORD)) {
    await sleepUntil(started + FAILED_LOGIN_MS);
    throw new AppError("UNAUTHENTICATED", "wrong password");
  }
  getLimiter().refund(attempt.address);
  return createSession(db, { address: attempt.address, userAgent: attempt.userAgent });
}
