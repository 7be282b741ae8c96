"use client";

// The All list's "When" cell: when a waiting message will really go (a held one's opening, not
// the time it was asked for), when a failed one retries, or when it went.
import type { ApiClient, ApiMessage } from "@/components/api/types";
import { formatRelative } from "@/components/ui/relative-time";
import { formatAbsolute } from "@/components/ui/format";
import { formatInZone } from "@/components/ui/zoned-time";
import { sendTime } from "./send-time";

const VERB = { goes: "goes", retry: "retry", sent: "sent", created: "created" } as const;

export function SendTimeText({ message, client, now }: { message: ApiMessage; client?: ApiClient; now: number }) {
  const t = sendTime(message, client, now);
  if (!t.at) return <span className="text-xs text-amber-800 dark:text-amber-300">{t.held ?? "—"}</span>;
  const ahead = new Date(t.at).getTime() > now;
  const when = `${VERB[t.kind]} ${formatRelative(t.at, now)}`;
  return (
    <span data-testid="send-time" data-kind={t.kind} data-at={t.at} data-held={t.held ? "true" : "false"} className="block min-w-0" title={`${formatAbsolute(t.at)}${t.held ? ` — ${t.held}` : ""}`}>
      <time dateTime={t.at} className="block truncate">
        {when}
      </time>
      {ahead && (t.held || t.at !== message.scheduledFor) && (
        <span className={`block truncate text-xs ${t.held ? "text-amber-800 dark:text-amber-300" : "text-slate-500 dark:text-slate-400"}`}>
          {t.held ? "held: " : ""}
          {formatInZone(t.at)}
        </span>
      )}
    </span>
  );
}
