// The admin password: checked in constant time, and fingerprinted onto each session so
// that a session created with an old password stops working once ADMIN_PASSWORD changes.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Both sides are HMAC'd with a key of this process before comparing: equal-length digests,
// so neither the comparison's time nor an early length mismatch says anything about the password.
const compareKey = randomBytes(32);

function digest(value: string): Buffer {
  return createHmac("sha256", compareKey).update(value).digest();
}

export function passwordMatches(given: string, expected: string | undefined): boolean {
  const a = digest(given);
  const b = digest(expected ?? "");
  return timingSafeEqual(a, b) && expected !== undefined;
}

/** HMAC(SESSION_SECRET, password): stored on a session, compared on every use. */
export function passwordFingerprint(sessionSecret: string, password: string): string {
  return createHmac("sha256", sessionSecret).update(`admin-password:${password}`).digest("base64url");
}
