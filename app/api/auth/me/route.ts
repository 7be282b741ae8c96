import { PERMISSIONS } from "@/lib/auth/permissions";
import { holderOf, ownClientOf } from "@/lib/auth/principal";
import { json, withAuth } from "@/lib/http/route";

// GET /api/auth/me – who is signed in, the client they are limited to (null: every client) and what they may do; the console hides the rest
export const GET = withAuth("read", async ({ principal }) => {
  const user = principal.kind === "user" ? { id: principal.userId, name: principal.name, email: principal.email, role: principal.role } : null;
  return json({ user, role: holderOf(principal), clientId: ownClientOf(principal), permissions: PERMISSIONS[holderOf(principal)] });
});
