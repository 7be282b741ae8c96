import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/context";
import { revokeSession } from "@/lib/auth/sessions";
import { sessionCookie } from "@/lib/auth/session";
import { json, withAuth } from "@/lib/http/route";

// POST /api/auth/logout – end this session on the server (its cookie stops working everywhere) and clear the cookie
export const POST = withAuth("read", async ({ principal }) => {
  if (principal.kind === "user") await revokeSession(await getDb(), principal.sessionId, principal.userId);
  return json({ ok: true }, 200, { "Set-Cookie": sessionCookie(getConfig().PUBLIC_URL, null) });
});
