import { json, withAuth } from "@/lib/http/route";
import { listUsers } from "@/lib/users/users";
import { listPendingInvites } from "@/lib/users/invites";

// GET /api/users – the team: every user (role, client, active, last seen, live sessions) and the pending invites
export const GET = withAuth("manage_users", async ({ db }) => {
  const [users, invites] = await Promise.all([listUsers(db), listPendingInvites(db)]);
  return json({ users, invites });
});
