import { auditAction } from "@/lib/audit/action";
import { json, parseBody } from "@/lib/http/route";
import { withTeamAuth } from "@/lib/users/team-auth";
import { updateUser } from "@/lib/users/users";
import { userPatchSchema } from "@/lib/users/schemas";

// PATCH /api/users/:id – change a user's name, role, client or active state; there is always an active owner
export const PATCH = withTeamAuth<{ id: string }>(async ({ req, db, params, principal }) => {
  const patch = await parseBody(req, userPatchSchema);
  const { user, action, changes, endedSessions } = await updateUser(db, params.id, patch, principal.kind === "user" ? principal.userId : null);
  if (changes) await auditAction(db, principal, req, { action, target: { kind: "user", id: user.id }, clientId: user.clientId, changes });
  return json({ user, endedSessions });
});
