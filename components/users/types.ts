// What the users routes answer (docs: the users API contract). Written from the contract
// while the server's serializers are built alongside; switch these to `import type` from
// them once lib/users has its serializers.
import type { Role } from "@/lib/auth/permissions";

/** One console user (GET /api/users → users[], PATCH /api/users/:id → user). */
export interface ApiUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  clientId: string | null;
  clientName: string | null;
  active: boolean;
  createdAt: string;
  lastSeenAt: string | null;
  liveSessions: number;
}

/** A pending invite (GET /api/users → invites[], POST /api/users/invite → invite). */
export interface ApiInvite {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  clientId: string | null;
  clientName: string | null;
  createdAt: string;
  expiresAt: string;
  invitedBy: string | null;
}

export interface UsersList {
  users: ApiUser[];
  invites: ApiInvite[];
}

export interface InviteAnswer {
  invite: ApiInvite;
  /** The link to hand over: the token is in it and is shown only now. */
  url: string;
  emailed: boolean;
}
