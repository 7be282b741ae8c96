// What the users routes answer: the server's views (lib/users) as JSON carries them, dates
// as ISO strings.
import type { Role } from "@/lib/auth/permissions";
import type { UserView } from "@/lib/users/users";
import type { InviteView } from "@/lib/users/invites";

/** A server view as it arrives: each Date an ISO string. */
type OverJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** One console user (GET /api/users → users[], PATCH /api/users/:id → user). */
export type ApiUser = Omit<OverJson<UserView>, "role"> & { role: Role };

/** A pending invite (GET /api/users → invites[], POST /api/users/invite → invite). */
export type ApiInvite = Omit<OverJson<InviteView>, "role"> & { role: Role };

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
