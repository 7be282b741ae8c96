// The console's session cookie: `<session id>.<secret>`, HTTP-only. What the cookie means
// lives in the Session table (lib/auth/sessions.ts); this file only reads and writes the
// cookie, without the database, so proxy.ts can check a cookie's shape cheaply.
export const SESSION_COOKIE = "herald_session";

const TOKEN = /^(ses_[0-9a-f]{28})\.([A-Za-z0-9_-]{43})$/;

export interface SessionToken {
  id: string;
  secret: string;
}

export function formatSessionToken(token: SessionToken): string {
  return `${token.id}.${token.secret}`;
}

/** The id and secret of a well-formed token; null for anything else (old signed cookies included). */
export function parseSessionToken(value: string | undefined | null): SessionToken | null {
  const match = value ? TOKEN.exec(value) : null;
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return undefined; // a malformed escape is no cookie, not a 500
    }
  }
  return undefined;
}

/** Set-Cookie for a session (or, without a token, the header that clears it). Secure when the console is served over https. */
export function sessionCookie(publicUrl: string, token: SessionToken | null, maxAgeMs = 0): string {
  const secure = publicUrl.startsWith("https:") ? "; Secure" : "";
  const value = token ? formatSessionToken(token) : "";
  const maxAge = token ? Math.floor(maxAgeMs / 1000) : 0;
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}
