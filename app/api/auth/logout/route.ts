import { SESSION_COOKIE } from "@/lib/auth/session";
import { json, route } from "@/lib/http/route";

// POST /api/auth/logout – clear the session cookie
export const POST = route(async () =>
  json({ ok: true }, 200, { "Set-Cookie": `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` }),
);
