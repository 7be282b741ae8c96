// What each role may do: one table, checked by the route helper (withAuth(action, ...)) and
// by the Socket.IO handshake; handlers only check whose data it is (principal.ts). The
// console asks GET /api/auth/me for the caller's list to hide what they cannot use.
import { AppError } from "../errors";

export const ROLES = ["owner", "admin", "agent", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "read", // see messages, calls, conversations, errors, clients, stats
  "send", // compose, enqueue, reply in a conversation, record consent
  "retry", // retry, edit and retry, bulk retry
  "cancel", // cancel a pending or scheduled message
  "resolve_errors", // resolve / acknowledge error-log entries
  "manage_clients", // create and edit clients, their templates, settings and suppressions
  "rotate_keys", // rotate a client's API key
  "manage_users", // invite, change roles, reset passwords, deactivate, end others' sessions
  "view_audit", // read the audit trail
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who holds a permission set: a console role, or a client's own API key. */
export type Holder = Role | "client_key";

const AGENT: readonly Action[] = ["read", "send", "retry", "cancel", "resolve_errors"];

export const PERMISSIONS: Record<Holder, readonly Action[]> = {
  owner: ACTIONS,
  admin: ACTIONS.filter((a) => a !== "manage_users"),
  agent: AGENT,
  viewer: ["read"],
  // A client's key is that client's agent, and may also keep its own client's templates and
  // settings (as it always could); never its routing identifiers, keys or users.
  client_key: [...AGENT, "manage_clients"],
};

export function holderMay(holder: Holder, action: Action): boolean {
  return PERMISSIONS[holder].includes(action);
}

export function assertHolderMay(holder: Holder, action: Action): void {
  if (!holderMay(holder, action)) {
    const who = holder === "client_key" ? "a client's API key" : `the ${holder} role`;
    throw new AppError("FORBIDDEN", `${who} lacks the "${action}" permission`, [{ path: "permission", message: action }]);
  }
}
