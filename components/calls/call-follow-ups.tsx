"use client";

// The follow-ups a call caused, with their live statuses, and those that could not be made.
import Link from "next/link";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { CallDetail } from "@/components/api/types";
import { channelLabel, kindLabel, problemText } from "@/components/ui/labels";
import { formatInZone } from "@/components/ui/zoned-time";

function FollowUpList({ call }: { call: CallDetail }) {
  const now = useNow();
  if (call.messages.length === 0) {
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400">
        {call.followUpsPlannedAt
          ? "This call caused no follow-up messages."
          : "Follow-ups are planned as soon as the call's analysis arrives."}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {call.messages.map((m) => {
        const problem = m.status === "failed" || m.status === "dead_letter" ? (m.deadLetterReason ?? m.lastError) : null;
        // A pending one goes at runAt (a held marketing message at its opening), not when it was asked for.
        const due = m.status === "pending" ? (m.runAt ?? m.scheduledFor) : (m.sentAt ?? m.scheduledFor);
        return (
          <li key={m.id} data-testid="follow-up" data-message-id={m.id} data-kind={m.kind} data-channel={m.channel} className="py-2.5 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="min-w-0">
                <span className="font-medium">{kindLabel(m.kind)}</span>
                <span className="ml-2 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{channelLabel(m.channel)}</span>
              </div>
              <StatusBadge status={m.status} />
            </div>
            <div className="mt-0.5 flex flex-wrap items-center gap-x-3 text-xs text-slate-500 dark:text-slate-400">
              <span className="truncate font-mono">{m.to.replace(/^whatsapp:/, "")}</span>
              <span data-testid="follow-up-time">
                {m.status === "pending" ? "goes " : ""}
                {due ? formatInZone(due) : "—"}
                <span className="ml-1">
                  (<RelativeTime iso={due} now={now} />)
                </span>
              </span>
              <Link href={`/messages?q=${encodeURIComponent(m.id)}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                open in messages
              </Link>
            </div>
            {m.body && <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-300" title={m.body}>{m.subject ? `${m.subject} — ${m.body}` : m.body}</p>}
            {problem && <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">{problemText(problem)}</p>}
          </li>
        );
      })}
    </ul>
  );
}

export function CallFollowUps({ call }: { call: CallDetail }) {
  return (
    <div className="space-y-4">
      <FollowUpList call={call} />
      {call.skippedFollowUps.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 dark:border-amber-900 dark:bg-amber-950/50">
          <h3 className="text-sm font-semibold text-amber-900 dark:text-amber-200">Could not be made</h3>
          <ul className="mt-1.5 space-y-1.5">
            {call.skippedFollowUps.map((s, i) => (
              <li key={i} data-testid="skipped-follow-up" data-kind={s.kind} data-channel={s.channel} className="text-sm text-amber-900 dark:text-amber-100">
                <span className="font-medium">
                  {kindLabel(s.kind)} · {channelLabel(s.channel)}
                </span>
                : {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
