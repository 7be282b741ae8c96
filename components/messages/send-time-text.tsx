"use client";

// The All list's "When" cell: when a waiting message will really go (a held one's opening, not
// the time it was asked for), when a failed one retries, or when it went.
import type { ApiClient, ApiMessage } from "@/components/api/types";
import { formatRelative } from "@/components/ui/relative-time";
import { formatAbsolute } from "@/components/ui/format";
import { sendTime } from "./send-time";

/** "Fri 09:00": enough to tell which opening within the week; the tooltip has the full time. */
const compact = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
const dated = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const WEEK = 6 * 86_400_000;

export function SendTimeText({ message, client, now }: { message: ApiMessage; client?: ApiClient; now: number }) {
  const t = sendTime(message, client, now);
  if (!t.at) return <span className="text-xs text-amber-800 dark:text-amber-300">{t.held ?? "—"}</span>;
  const ahead = new Date(t.at).getTime() > now;
  const when = `${t.kind} ${formatRelative(t.at, now)}`;
  const at = new Date(t.at);
  return (
    <span data-testid="send-time" data-kind={t.kind} data-at={t.at} data-held={t.held ? "true" : "false"} className="block min-w-0" title={`${formatAbsolute(t.at)}${t.held ? ` — ${t.held}` : ""}`}>
      <time dateTime={t.at} className="block truncate">
        {when}
      </time>
      {ahead && (t.held || t.at !== message.scheduledFor) && (
        <span className={`block truncate text-xs ${t.held ? "text-amber-800 dark:text-amber-300" : "text-slate-500 dark:text-slate-400"}`}>
          {t.held ? "held to " : "at "}
          {(at.getTime() - now < WEEK ? compact : dated).format(at)}
        </span>
      )}
    </span>
  );
}
