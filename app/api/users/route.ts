import { json } from "@/lib/http/route";
import { withTeamAuth } from "@/lib/users/team-auth";
import { listUsers } from "@/lib/users/users";
import { listPendingInvites } from "@/lib/users/invites";

// GET /api/users – the team: every user (role, client, active, last seen, live sessions) and the pending invites
export const GET = withTeamAuth(async ({ db }) => {
  const [users, invites] = await Promise.all([listUsers(db), listPendingInvites(db)]);
  return json({ users, invites });
});
