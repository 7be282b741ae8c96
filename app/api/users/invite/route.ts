import { auditAction } from "@/lib/audit/action";
import { json, parseBody } from "@/lib/http/route";
import { withTeamAuth } from "@/lib/users/team-auth";
import { createInvite, inviteUrl } from "@/lib/users/invites";
import { emailInvite } from "@/lib/users/invite-mail";
import { inviteSchema } from "@/lib/users/schemas";

// POST /api/users/invite – invite someone by email with a role (and, for an agent or viewer, one client); answers the single-use link
export const POST = withTeamAuth(async ({ req, db, principal }) => {
  const input = await parseBody(req, inviteSchema);
  const { invite, token } = await createInvite(db, principal, input);
  const url = inviteUrl(token);
  const emailed = await emailInvite(invite, url);
  await auditAction(db, principal, req, {
    action: "user.invite",
    target: { kind: "invite", id: invite.id },
    clientId: invite.clientId,
    changes: { email: [null, invite.email], role: [null, invite.role], ...(invite.clientId && { clientId: [null, invite.clientId] }) },
  });
  return json({ invite, url, emailed }, 201);
});
