import type { Metadata } from "next";
import Link from "next/link";
import { PublicCard } from "@/components/auth/public-card";
import { getDb } from "@/lib/context";
import { findPendingInvite } from "@/lib/users/invites";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept your invite", robots: { index: false, follow: false } };

// GET /invite/:token — public (proxy.ts lets it through): the link an owner sent. A used,
// revoked or expired token gets a page saying so rather than a form that cannot work.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findPendingInvite(await getDb(), token);
  if (!invite) {
    return (
      <PublicCard title="This invite link no longer works" testId="invite-invalid">
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          This invite link has expired or was already used — ask whoever invited you for a new one.
        </p>
        <p className="mt-4 text-sm">
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Sign in
          </Link>
        </p>
      </PublicCard>
    );
  }
  return (
    <PublicCard title="Join Herald" description="You were invited to this Herald console. Choose your name and a password to finish.">
      <AcceptForm
        token={token}
        email={invite.email}
        name={invite.name}
        role={invite.role}
        clientName={invite.clientName}
        expiresAt={invite.expiresAt.toISOString()}
      />
    </PublicCard>
  );
}
