import { auditAction } from "@/lib/audit/action";
import { json, parseBody } from "@/lib/http/route";
import { withTeamAuth } from "@/lib/users/team-auth";
import { resetPassword } from "@/lib/users/users";
import { resetPasswordSchema } from "@/lib/users/schemas";

// POST /api/users/:id/password – set a new password for someone who lost theirs; their sessions end
export const POST = withTeamAuth<{ id: string }>(async ({ req, db, params, principal }) => {
  const { password } = await parseBody(req, resetPasswordSchema);
  const { user, revoked } = await resetPassword(db, params.id, password);
  await auditAction(db, principal, req, { action: "user.password_reset", target: { kind: "user", id: user.id }, clientId: user.clientId, changes: { endedSessions: [null, revoked] } });
  return json({ ok: true, revoked });
});
