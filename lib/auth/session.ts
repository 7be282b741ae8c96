// Console sessions: an HMAC-signed token in an HTTP-only cookie.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";
import { AppError } from "../errors";

export const SESSION_COOKIE = "herald_session";
export const SESSION_TTL_MS = 7 * 24 * 3_600_000;

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function createSessionToken(secret: string, now = Date.now()): string {
  const payload = `v1.${now + SESSION_TTL_MS}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function verifySessionToken(secret: string, token: string | undefined, now = Date.now()): boolean {
  if (!token) return false;
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== "v1") return false;
  const payload = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  return Number(parts[1]) > now;
}

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

function sameSecret(given: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks the admin password (constant time) and returns the Set-Cookie value of a new session. */
export function loginCookie(password: string): string {
  const config = getConfig();
  if (!sameSecret(password, config.ADMIN_PASSWORD)) throw new AppError("UNAUTHENTICATED", "wrong password");
  const secure = config.PUBLIC_URL.startsWith("https:") ? "; Secure" : "";
  return `${SESSION_COOKIE}=${createSessionToken(config.SESSION_SECRET!)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}${secure}`;
}
