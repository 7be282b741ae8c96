import { auditAction } from "@/lib/audit/action";
import { listLiveSessions, revokeUserSessions } from "@/lib/auth/sessions";
import { json } from "@/lib/http/route";
import { withTeamAuth } from "@/lib/users/team-auth";
import { getUser } from "@/lib/users/users";

// GET /api/users/:id/sessions – where a user is signed in
export const GET = withTeamAuth<{ id: string }>(async ({ db, params }) => {
  const user = await getUser(db, params.id);
  return json({ sessions: await listLiveSessions(db, user.id) });
});

// DELETE /api/users/:id/sessions – sign a user out everywhere (a lost laptop, a leaver); their next request is refused
export const DELETE = withTeamAuth<{ id: string }>(async ({ req, db, params, principal }) => {
  const user = await getUser(db, params.id);
  const revoked = await revokeUserSessions(db, user.id);
  await auditAction(db, principal, req, { action: "user.sessions_end", target: { kind: "user", id: user.id }, clientId: user.clientId, changes: { endedSessions: [null, revoked] } });
  return json({ revoked });
});
