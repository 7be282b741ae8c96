// The console roles in words: what a badge says, what an owner reads before giving a role,
// and the badge's colour. Keyed by lib/auth/permissions.ts ROLES, so a new role fails the
// typecheck until it is described. Full class strings so Tailwind finds them.
import type { Role } from "@/lib/auth/permissions";

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", agent: "Agent", viewer: "Viewer" };

/** One line per role, in the words of someone running the console. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including inviting people, changing roles and resetting passwords.",
  admin: "Everything except managing people: clients, templates, keys, retries, the audit trail.",
  agent: "Answers conversations, sends, retries and cancels messages, resolves errors.",
  viewer: "Can look at messages, calls and conversations, but change nothing.",
};

export const ROLE_BADGE_CLASSES: Record<Role, string> = {
  owner: "bg-purple-100 text-purple-800 ring-purple-300 dark:bg-purple-950 dark:text-purple-200 dark:ring-purple-800",
  admin: "bg-indigo-100 text-indigo-800 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800",
  agent: "bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  viewer: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600",
};

/** A role as people say it, or the code itself when it is not one we know. */
export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string | undefined>)[role] ?? role;
}

/** Only an agent or a viewer belongs to one client; an owner or admin sees them all. */
export function roleHasClient(role: string): boolean {
  return role === "agent" || role === "viewer";
}
