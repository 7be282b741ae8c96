"use client";

// The Users page, for owners (manage_users): the team with what each may do, the invites
// not yet accepted, and "Invite someone". Anyone else is told their role cannot manage
// users (the server refuses them anyway).
import { ApiError } from "@/components/api/api-client";
import { useMe } from "@/components/auth/use-me";
import { DataTable, srOnly } from "@/components/ui/data-table";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { useNow } from "@/components/ui/relative-time";
import { InviteForm } from "./invite-form";
import { InviteList } from "./invite-list";
import { UserRow } from "./user-row";
import { useUsers } from "./use-users";

const COLUMNS = [
  { key: "user", label: "Person" },
  { key: "role", label: "Role" },
  { key: "client", label: "Client" },
  { key: "status", label: "Status" },
  { key: "seen", label: "Last seen" },
  { key: "sessions", label: "Sessions" },
  { key: "actions", label: srOnly("Change") },
];

const HEADER = (
  <PageHeader title="Users" description="Who can sign in to this console, as what, and for which clients. Invite people, change their role, reset a password or end their sessions." />
);

function NotAllowed() {
  return (
    <div className="space-y-4">
      {HEADER}
      <div role="alert" data-testid="users-forbidden" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
        Your role cannot manage users. Ask an owner of this Herald install to invite someone or change a role.
      </div>
    </div>
  );
}

export function UsersView() {
  const { me, can } = useMe();
  const allowed = can("manage_users");
  const list = useUsers({ enabled: allowed });
  const now = useNow();

  if (!allowed || (list.error instanceof ApiError && list.error.status === 403)) return <NotAllowed />;
  const youId = me?.user?.id;

  return (
    <div className="space-y-6">
      {HEADER}
      <InviteForm />
      {list.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading the team…</p>
      ) : list.isError ? (
        <ErrorNotice what="the team" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : (
        <>
          <section aria-labelledby="team-title" className="space-y-2">
            <h2 id="team-title" className="text-sm font-semibold">
              Team <span className="font-normal text-slate-500">({list.data.users.length})</span>
            </h2>
            <DataTable columns={COLUMNS} testId="users-table">
              {list.data.users.map((u) => (
                <UserRow key={u.id} user={u} isYou={u.id === youId} now={now} />
              ))}
            </DataTable>
          </section>
          <InviteList invites={list.data.invites} now={now} />
        </>
      )}
    </div>
  );
}
