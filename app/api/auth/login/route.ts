import { z } from "zod";
import { loginCookie } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/route";

const loginSchema = z.object({ password: z.string().min(1).max(500) });

// POST /api/auth/login – exchange the admin password for an HTTP-only session cookie
export const POST = route(async ({ req }) => {
  const { password } = await parseBody(req, loginSchema);
  return json({ ok: true }, 200, { "Set-Cookie": loginCookie(password) });
});
