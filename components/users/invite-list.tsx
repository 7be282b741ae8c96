"use client";

// Invites sent and not yet accepted: who, as what, for which client, until when; "Revoke"
// makes the link stop working (DELETE /api/users/invites/:id).
import { fetchJson } from "@/components/api/api-client";
import { RoleBadge } from "@/components/auth/role-badge";
import { SECONDARY_BUTTON } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ApiInvite } from "./types";
import { useUsersMutation } from "./use-users";

function InviteRow({ invite, now }: { invite: ApiInvite; now: number }) {
  const revoke = useUsersMutation(() => fetchJson(`/api/users/invites/${encodeURIComponent(invite.id)}`, { method: "DELETE" }));
  return (
    <li data-testid="invite-row" data-email={invite.email} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5">
      <div className="min-w-0 flex-1 basis-48">
        <div className="truncate font-medium" title={invite.email}>
          {invite.email}
        </div>
        {invite.name && <div className="truncate text-xs text-slate-500 dark:text-slate-400">{invite.name}</div>}
      </div>
      <RoleBadge role={invite.role} />
      <span className="text-slate-600 dark:text-slate-300">{invite.clientName ?? "All clients"}</span>
      <span className="text-xs text-slate-500 dark:text-slate-400">
        expires <RelativeTime iso={invite.expiresAt} now={now} />
      </span>
      <button type="button" onClick={() => revoke.mutate()} disabled={revoke.isPending} aria-label={`Revoke the invite for ${invite.email}`} className={`${SECONDARY_BUTTON} ml-auto`}>
        {revoke.isPending ? "Revoking…" : "Revoke"}
      </button>
      {revoke.error && (
        <p role="alert" data-testid="form-error" className="w-full text-xs text-red-700 dark:text-red-300">
          Could not revoke: {revoke.error.message}
        </p>
      )}
    </li>
  );
}

export function InviteList({ invites, now }: { invites: ApiInvite[]; now: number }) {
  return (
    <section aria-labelledby="invites-title" className="space-y-2">
      <h2 id="invites-title" className="text-sm font-semibold">
        Pending invites
      </h2>
      {invites.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          No invite is waiting. Someone you invite appears here until they accept.
        </p>
      ) : (
        <ul data-testid="invites-list" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {invites.map((i) => (
            <InviteRow key={i.id} invite={i} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
