"use client";

// "Your sessions": every browser signed in as you, which one is this, from where, since when;
// sign one out, or every one but this.
import { useState } from "react";
import { SECONDARY_BUTTON } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/error-notice";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { describeUserAgent } from "./user-agent";
import { useSessions, useSignOut, type ApiSession } from "./use-sessions";

function SessionRow({ session, now }: { session: ApiSession; now: number }) {
  const signOut = useSignOut();
  const device = describeUserAgent(session.userAgent);
  return (
    <li data-testid="session-row" data-current={session.current} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5">
      <div className="min-w-0 flex-1 basis-56">
        <div className="flex flex-wrap items-center gap-2 font-medium">
          <span title={session.userAgent ?? undefined}>{device}</span>
          {session.current && (
            <span data-testid="this-browser" className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800">
              This browser
            </span>
          )}
        </div>
        <div className="text-xs text-slate-500 dark:text-slate-400">
          <span className="font-mono">{session.address ?? "unknown address"}</span> · started <RelativeTime iso={session.createdAt} now={now} /> · last active{" "}
          <RelativeTime iso={session.lastSeenAt} now={now} />
        </div>
      </div>
      {!session.current && (
        <button type="button" onClick={() => signOut.mutate(session.id)} disabled={signOut.isPending} aria-label={`Sign out ${device}`} className={SECONDARY_BUTTON}>
          {signOut.isPending ? "Signing out…" : "Sign out"}
        </button>
      )}
      <FormError message={signOut.error?.message} className="w-full py-1 text-xs" />
    </li>
  );
}

export function SessionsList() {
  const sessions = useSessions();
  const signOutOthers = useSignOut();
  const [ended, setEnded] = useState<number | null>(null);
  const now = useNow();
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <section aria-labelledby="sessions-title" className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div>
          <h2 id="sessions-title" className="text-base font-semibold">
            Your sessions
          </h2>
          <p className="text-sm text-slate-500 dark:text-slate-400">Browsers signed in as you. Sign out any you do not recognise, then change your password.</p>
        </div>
        <button
          type="button"
          data-testid="sign-out-others"
          onClick={() => signOutOthers.mutate(null, { onSuccess: (a) => setEnded(a.revoked) })}
          disabled={signOutOthers.isPending}
          title={others ? undefined : "No other browser is signed in as you"}
          className={SECONDARY_BUTTON}
        >
          {signOutOthers.isPending ? "Signing out…" : "Sign out everywhere else"}
        </button>
      </div>
      <div aria-live="polite" className="px-4">
        {ended !== null && (
          <p data-testid="signed-out-others" className="pt-3 text-sm text-green-700 dark:text-green-300">
            Signed out {ended} other session{ended === 1 ? "" : "s"}.
          </p>
        )}
        <FormError message={signOutOthers.error?.message} className="mt-3" />
      </div>
      {sessions.isPending ? (
        <p className="p-6 text-center text-sm text-slate-500">Loading your sessions…</p>
      ) : sessions.isError ? (
        <div className="p-4">
          <ErrorNotice compact what="your sessions" error={sessions.error} onRetry={() => void sessions.refetch()} retrying={sessions.isFetching} />
        </div>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {sessions.data.map((s) => (
            <SessionRow key={s.id} session={s} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
