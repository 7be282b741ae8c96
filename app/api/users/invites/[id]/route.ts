import { auditAction } from "@/lib/audit/action";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/route";
import { withTeamAuth } from "@/lib/users/team-auth";
import { revokeInvite } from "@/lib/users/invites";

// DELETE /api/users/invites/:id – withdraw a pending invite: its link stops working
export const DELETE = withTeamAuth<{ id: string }>(async ({ req, db, params, principal }) => {
  const invite = await revokeInvite(db, params.id);
  if (!invite) throw new AppError("NOT_FOUND", "no pending invite with this id");
  await auditAction(db, principal, req, { action: "invite.revoke", target: { kind: "invite", id: invite.id }, clientId: invite.clientId, changes: { email: [invite.email, null] } });
  return json({ ok: true });
});
