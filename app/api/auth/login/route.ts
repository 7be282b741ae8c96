import { z } from "zod";
import { getDb } from "@/lib/context";
import { getConfig } from "@/lib/config";
import { logIn } from "@/lib/auth/login";
import { sessionCookie } from "@/lib/auth/session";
import { sessionLimits } from "@/lib/auth/sessions";
import { clientAddressOf } from "@/lib/http/client-address";
import { assertSameOrigin } from "@/lib/http/csrf";
import { json, parseBody, route } from "@/lib/http/route";

// Without an email, the password is the first owner's (ADMIN_PASSWORD until they change it).
const loginSchema = z.object({ email: z.string().trim().max(320).email("enter an email address such as ana@example.com").or(z.literal("")).optional(), password: z.string().min(1, "enter your password").max(500) });

// POST /api/auth/login – exchange an email and password for a server-side session (HTTP-only cookie); rate-limited
export const POST = route(async ({ req }) => {
  // A browser's login from another site would sign the visitor into the attacker's console.
  assertSameOrigin(req, getConfig().PUBLIC_URL, { required: false });
  const { email, password } = await parseBody(req, loginSchema);
  const token = await logIn(await getDb(), { email: email || undefined, password, address: clientAddressOf(req), userAgent: req.headers.get("user-agent") });
  return json({ ok: true }, 200, { "Set-Cookie": sessionCookie(getConfig().PUBLIC_URL, token, sessionLimits().maxMs) });
});
