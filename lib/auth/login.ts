// POST /api/auth/login's rule: rate-limited, constant-time, and a session row per success.
import type { Db } from "../db/client";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { createLoginLimiter, type LoginLimiter } from "./login-limiter";
import { ensureOwner, firstOwner } from "./owner";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { createSession } from "./sessions";
import type { SessionToken } from "./session";

/**
 * Every failed login answers this long after it arrived, whatever the email and password
 * were, so response times tell a guesser nothing and each guess costs it this much wall time.
 */
export const FAILED_LOGIN_MS = 400;

// One limiter per process (the login route's bundle holds this module once).
let limiter: LoginLimiter | undefined;

/** The one budget of password guesses per address: the login, and a signed-in user's password change (a stolen session must not try passwords at will). */
export function passwordGuessLimiter(): LoginLimiter {
  const config = getConfig();
  limiter ??= createLoginLimiter({ perAddress: config.LOGIN_RATE_LIMIT_PER_ADDRESS, overall: config.LOGIN_RATE_LIMIT_GLOBAL });
  return limiter;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/** Whom a login names: the active user with this email, or, for a bare password, the first owner. */
async function candidate(db: Db, email: string | undefined) {
  if (email === undefined) return firstOwner(db);
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, passwordHash: true, deactivatedAt: true } });
  return user && !user.deactivatedAt ? user : null;
}

/** Checks a user's password and starts a session; 401 when wrong (whichever part), 429 when too many tries. */
export async function logIn(db: Db, attempt: { email?: string; password: string; address: string; userAgent: string | null }): Promise<SessionToken> {
  const started = Date.now();
  passwordGuessLimiter().take(attempt.address);
  await ensureOwner(db);
  const user = await candidate(db, attempt.email || undefined);
  const ok = user ? await verifyPassword(attempt.password, user.passwordHash) : await verifyAgainstNothing(attempt.password);
  if (!user || !ok) {
    await sleepUntil(started + FAILED_LOGIN_MS);
    throw new AppError("UNAUTHENTICATED", attempt.email ? "wrong email or password" : "wrong password");
  }
  passwordGuessLimiter().refund(attempt.address);
  return createSession(db, user.id, { address: attempt.address, userAgent: attempt.userAgent });
}
