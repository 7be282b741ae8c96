import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { SESSION_COOKIE, SESSION_TTL_MS, createSessionToken } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/route";

const loginSchema = z.object({ password: z.string().min(1).max(500) });

function matches(given: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// POST /api/auth/login – exchange the admin password for an HTTP-only session cookie
export const POST = route(async ({ req }) => {
  const { password } = await parseBody(req, loginSchema);
  const config = getConfig();
  if (!matches(password, config.ADMIN_PASSWORD)) throw new AppError("UNAUTHENTICATED", "wrong password");
  const token = createSessionToken(config.SESSION_SECRET!);
  const secure = config.PUBLIC_URL.startsWith("https:") ? "; Secure" : "";
  return json({ ok: true }, 200, {
    "Set-Cookie": `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}${secure}`,
  });
});
