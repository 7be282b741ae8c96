"use client";

// The Account page: who you are signed in as, your password, and the browsers signed in as you.
import type { ReactNode } from "react";
import { RoleBadge } from "@/components/auth/role-badge";
import { ROLE_DESCRIPTIONS } from "@/components/auth/role-labels";
import { useMe } from "@/components/auth/use-me";
import { useClients } from "@/components/api/use-clients";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "./change-password-form";
import { SessionsList } from "./sessions-list";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

export function AccountView() {
  const me = useMe();
  const { byId } = useClients();
  const user = me.me?.user;

  return (
    <div data-testid="account-page" className="space-y-6">
      <PageHeader title="Your account" description="Your password and the browsers signed in as you." />
      {me.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading your account…</p>
      ) : me.isError ? (
        <ErrorNotice what="your account" error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      ) : !user ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
          This session does not belong to a person, so it has no account to manage. Sign in with your email and password.
        </div>
      ) : (
        <>
          <dl data-testid="account-facts" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
            <Fact label="Name">{user.name}</Fact>
            <Fact label="Email">{user.email}</Fact>
            <Fact label="Role">
              <RoleBadge role={user.role} />
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{(ROLE_DESCRIPTIONS as Record<string, string | undefined>)[user.role]}</p>
            </Fact>
            <Fact label="Clients">{me.me?.clientId ? (byId.get(me.me.clientId)?.name ?? me.me.clientId) : "All clients"}</Fact>
          </dl>
          <ChangePasswordForm />
          <SessionsList />
        </>
      )}
    </div>
  );
}
