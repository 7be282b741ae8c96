import { auditAction } from "@/lib/audit/action";
import { assertConsoleUser } from "@/lib/auth/principal";
import { clientAddressOf } from "@/lib/http/client-address";
import { json, parseBody, withAuth } from "@/lib/http/route";
import { changeOwnPassword } from "@/lib/users/users";
import { changePasswordSchema } from "@/lib/users/schemas";

// POST /api/auth/password – change your own password (the current one proves it is you; wrong tries count against the login's limit); your other sessions end
export const POST = withAuth("read", async ({ req, db, principal }) => {
  assertConsoleUser(principal, "an API key has no password to change");
  const input = await parseBody(req, changePasswordSchema);
  const revoked = await changeOwnPassword(db, { userId: principal.userId, sessionId: principal.sessionId, address: clientAddressOf(req) }, input);
  await auditAction(db, principal, req, { action: "user.password_change", target: { kind: "user", id: principal.userId }, clientId: principal.clientId, changes: { endedSessions: [null, revoked] } });
  return json({ ok: true, revoked });
});
