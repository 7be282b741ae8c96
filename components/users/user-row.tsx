"use client";

// One person on the team: who, role, client, active or not, last seen, live sessions; and
// what an owner does about them: change role and client, reset the password, end their
// sessions, deactivate (which also ends them) or reactivate.
import { useState } from "react";
import { fetchJson } from "@/components/api/api-client";
import { RoleBadge } from "@/components/auth/role-badge";
import { SECONDARY_BUTTON } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ApiUser } from "./types";
import { UserAccessEditor } from "./user-access-editor";
import { UserPasswordReset } from "./user-password-reset";
import { patchUser, useUsersMutation } from "./use-users";

const CELL = "block px-2.5 py-1 lg:table-cell lg:py-2 align-top";
const PHONE_LABEL = "text-slate-500 lg:hidden";

function ActiveBadge({ active }: { active: boolean }) {
  return (
    <span
      data-testid="user-status"
      data-active={active}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        active
          ? "bg-green-100 text-green-800 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-800"
          : "bg-slate-200 text-slate-600 ring-slate-300 dark:bg-slate-800 dark:text-slate-400 dark:ring-slate-600"
      }`}
    >
      {active ? "Active" : "Deactivated"}
    </span>
  );
}

export function UserRow({ user, isYou, now }: { user: ApiUser; isYou: boolean; now: number }) {
  const [ended, setEnded] = useState<number | null>(null);
  const setActive = useUsersMutation((active: boolean) => patchUser(user.id, { active }));
  const endSessions = useUsersMutation(
    () => fetchJson<{ revoked: number }>(`/api/users/${encodeURIComponent(user.id)}/sessions`, { method: "DELETE" }),
    (answer) => setEnded(answer.revoked),
  );
  const problem = setActive.error?.message ?? endSessions.error?.message;

  return (
    <tr data-testid="user-row" data-email={user.email} data-active={user.active} className={`block border-t border-slate-100 py-2 lg:table-row lg:py-0 dark:border-slate-800 ${user.active ? "" : "bg-slate-50/60 dark:bg-slate-950/40"}`}>
      <td className={`${CELL} min-w-0`}>
        <div className="font-medium [overflow-wrap:anywhere]">
          {user.name}
          {isYou && <span className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600 dark:bg-slate-800 dark:text-slate-300">you</span>}
        </div>
        <div className="text-xs text-slate-500 [overflow-wrap:anywhere] dark:text-slate-400">{user.email}</div>
      </td>
      <td className={CELL}>
        <RoleBadge role={user.role} />
      </td>
      <td className={CELL}>
        <span className={PHONE_LABEL}>Client: </span>
        {user.clientName ?? "All clients"}
      </td>
      <td className={CELL}>
        <ActiveBadge active={user.active} />
      </td>
      <td className={`${CELL} whitespace-nowrap text-slate-600 dark:text-slate-400`}>
        <span className={PHONE_LABEL}>Last seen </span>
        <RelativeTime iso={user.lastSeenAt} now={now} />
      </td>
      <td className={`${CELL} tabular-nums`} data-testid="user-sessions">
        {user.liveSessions}
        <span className={PHONE_LABEL}> signed-in session{user.liveSessions === 1 ? "" : "s"}</span>
      </td>
      <td className={`${CELL} space-y-2 lg:w-[26rem]`}>
        <UserAccessEditor user={user} />
        <div className="flex flex-wrap items-start gap-2">
          <UserPasswordReset user={user} />
          <button type="button" data-testid="user-end-sessions" onClick={() => endSessions.mutate()} disabled={endSessions.isPending} className={`${SECONDARY_BUTTON} py-1`}>
            {endSessions.isPending ? "Ending…" : "End sessions"}
          </button>
          {user.active ? (
            <button
              type="button"
              data-testid="user-deactivate"
              onClick={() => setActive.mutate(false)}
              disabled={setActive.isPending}
              title="They can no longer sign in; their sessions end now. Reactivate to undo."
              className={`${SECONDARY_BUTTON} py-1 text-red-700 dark:text-red-300`}
            >
              {setActive.isPending ? "Deactivating…" : "Deactivate"}
            </button>
          ) : (
            <button type="button" data-testid="user-reactivate" onClick={() => setActive.mutate(true)} disabled={setActive.isPending} className={`${SECONDARY_BUTTON} py-1`}>
              {setActive.isPending ? "Reactivating…" : "Reactivate"}
            </button>
          )}
          <span aria-live="polite" data-testid="sessions-ended" className="self-center empty:hidden text-xs text-green-700 dark:text-green-300">
            {ended !== null ? `Ended ${ended} session${ended === 1 ? "" : "s"}.` : ""}
          </span>
        </div>
        <FormError message={problem} className="py-1 text-xs" />
      </td>
    </tr>
  );
}
