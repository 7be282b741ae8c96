import { z } from "zod";
import { getDb } from "@/lib/context";
import { getConfig } from "@/lib/config";
import { logIn } from "@/lib/auth/login";
import { sessionCookie } from "@/lib/auth/session";
import { clientAddressOf } from "@/lib/http/client-address";
import { assertSameOrigin } from "@/lib/http/csrf";
import { json, parseBody, route } from "@/lib/http/route";

// `email` is accepted for the API.md shape ({email?, password}); the one owner is ADMIN_PASSWORD's.
const loginSchema = z.object({ email: z.string().max(320).optional(), password: z.string().min(1).max(500) });

// POST /api/auth/login – exchange the admin password for a server-side session (HTTP-only cookie); rate-limited
export const POST = route(async ({ req }) => {
  // A browser's login from another site would sign the visitor into the attacker's console.
  assertSameOrigin(req, getConfig().PUBLIC_URL, { required: false });
  const { password } = await parseBody(req, loginSchema);
  const token = await logIn(await getDb(), { password, address: clientAddressOf(req), userAgent: req.headers.get("user-agent") });
  return json({ ok: true }, 200, { "Set-Cookie": sessionCookie(getConfig().PUBLIC_URL, token) });
});
