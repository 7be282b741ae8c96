"use client";

// "Calls now" (live, from call:* events) and the five most recent calls.
import Link from "next/link";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatDuration } from "@/components/ui/format";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { Panel } from "./panel";
import { useCallsNow } from "./use-calls-now";
import { useRecentCalls } from "./use-recent-calls";

function number(n: string | null) {
  return <span className="font-mono text-xs">{n ?? "unknown"}</span>;
}

/** A running call's clock: 0:07, 12:30, 1:02:03. */
function formatElapsed(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1_000));
  const mm = String(Math.floor((s % 3_600) / 60));
  const ss = String(s % 60).padStart(2, "0");
  return s >= 3_600 ? `${Math.floor(s / 3_600)}:${mm.padStart(2, "0")}:${ss}` : `${mm}:${ss}`;
}

function callHref(callId: string, clientId?: string) {
  return `/calls/${encodeURIComponent(callId)}${clientId ? `?clientId=${encodeURIComponent(clientId)}` : ""}`;
}

export function CallsNowPanel({ clientId, clientNames }: { clientId?: string; clientNames: Map<string, string> }) {
  const now = useNow(1_000);
  const { calls, seed } = useCallsNow(clientId, now);
  const live = calls.filter((c) => !c.endedAt).length;
  return (
    <Panel
      id="calls-now"
      title="Calls now"
      action={
        <span data-testid="calls-now-count" className={`rounded-full px-2 py-0.5 text-xs font-medium tabular-nums ${live ? "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200" : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"}`}>
          {live} live
        </span>
      }
    >
      {seed.isError && <ErrorNotice compact what="ongoing calls" error={seed.error} onRetry={() => void seed.refetch()} />}
      {calls.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No calls in progress. New calls appear here the moment they start.</p>
      ) : (
        <ul className="max-h-56 space-y-1.5 overflow-y-auto">
          {calls.map((c) => (
            <li key={c.callId} data-testid="call-now" data-call-id={c.callId} data-ended={!!c.endedAt} className={`flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm ${c.endedAt ? "opacity-60" : ""}`}>
              <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${c.endedAt ? "bg-slate-400" : "animate-pulse bg-green-500"}`} />
              <span className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{c.direction}</span>
              {number(c.direction === "outbound" ? c.toNumber : c.fromNumber)}
              <span className="truncate text-xs text-slate-500 dark:text-slate-400">{clientNames.get(c.clientId) ?? ""}</span>
              <span data-testid="call-clock" className="ml-auto text-xs tabular-nums text-slate-600 dark:text-slate-300">
                {c.endedAt ? `${c.status}${c.durationMs ? ` · ${formatDuration(c.durationMs)}` : ""}` : formatElapsed(now - new Date(c.startedAt).getTime())}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function RecentCallsPanel({ clientId, clientNames }: { clientId?: string; clientNames: Map<string, string> }) {
  const now = useNow();
  const { data, error, refetch } = useRecentCalls(clientId);
  return (
    <Panel
      id="recent-calls"
      title="Recent calls"
      action={
        <Link href={clientId ? `/calls?clientId=${encodeURIComponent(clientId)}` : "/calls"} prefetch={false} className="text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          All calls
        </Link>
      }
    >
      {error && !data ? (
        <ErrorNotice compact what="calls" error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : data.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No calls yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {data.map((c) => (
            <li key={c.id} data-testid="recent-call" data-call-id={c.callId} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 py-1.5 text-sm">
              <Link href={callHref(c.callId, clientId)} prefetch={false} className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300">
                {c.callId.length > 18 ? `…${c.callId.slice(-14)}` : c.callId}
              </Link>
              <span className="truncate text-xs text-slate-500 dark:text-slate-400">{clientNames.get(c.clientId) ?? ""}</span>
              <span className="text-xs text-slate-600 dark:text-slate-300">{c.outcome ?? c.status}</span>
              <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
                {c.durationMs ? `${formatDuration(c.durationMs)} · ` : ""}
                <RelativeTime iso={c.startedAt ?? c.createdAt} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
