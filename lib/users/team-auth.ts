// The team routes' gate: the manage_users permission (owners), held by someone who sees every
// client — a user limited to one client (however they got an owner's role) never manages the team.
import { assertAllClients } from "../auth/principal";
import { withAuth } from "../http/route";

type Handler<P extends Record<string, string>> = Parameters<typeof withAuth<P>>[1];

export function withTeamAuth<P extends Record<string, string> = Record<string, string>>(handler: Handler<P>) {
  return withAuth<P>("manage_users", async (ctx) => {
    assertAllClients(ctx.principal, "managing the team concerns every client; a user limited to one client may not");
    return handler(ctx);
  });
}
