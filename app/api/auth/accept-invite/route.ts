import { auditAction } from "@/lib/audit/action";
import { userPrincipal } from "@/lib/auth/principal";
import { sessionCookie } from "@/lib/auth/session";
import { createSession, sessionLimits } from "@/lib/auth/sessions";
import { clientAddressOf } from "@/lib/http/client-address";
import { assertSameOrigin } from "@/lib/http/csrf";
import { json, parseBody, route } from "@/lib/http/route";
import { acceptInvite } from "@/lib/users/invites";
import { acceptSchema } from "@/lib/users/schemas";

// POST /api/auth/accept-invite – (public) become the user an invite names: choose a name and password, signed in at once; the link works once
export const POST = route(async ({ req, db, config }) => {
  // Another site must not be able to sign a visitor in as the account it was invited to.
  assertSameOrigin(req, config.PUBLIC_URL, { required: false });
  const input = await parseBody(req, acceptSchema);
  const user = await acceptInvite(db, input);
  const token = await createSession(db, user.id, { address: clientAddressOf(req), userAgent: req.headers.get("user-agent") });
  const principal = userPrincipal(user, token.id);
  await auditAction(db, principal, req, { action: "user.accept", target: { kind: "user", id: user.id }, clientId: user.clientId, changes: { role: [null, user.role], ...(user.clientId && { clientId: [null, user.clientId] }) } });
  return json({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } }, 201, { "Set-Cookie": sessionCookie(config.PUBLIC_URL, token, sessionLimits().maxMs) });
});
