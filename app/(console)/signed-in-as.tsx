"use client";

import Link from "next/link";
import { roleLabel } from "@/components/auth/role-labels";
import { useMe } from "@/components/auth/use-me";

/** The signed-in user's name and role beside "Log out", linking to their account page. */
export function SignedInAs() {
  const { me } = useMe();
  if (!me?.user) return null;
  const { name, email, role } = me.user;
  return (
    <Link
      href="/account"
      data-testid="signed-in-as"
      title={`${email} — your account`}
      className="inline-flex max-w-56 shrink-0 items-center gap-1.5 truncate rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span className="hidden truncate font-medium sm:inline">{name || email}</span>
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">{roleLabel(role)}</span>
    </Link>
  );
}
