"use client";

// Beside a thread: the calls with this customer's number (GET /api/calls?phone=), newest
// first, each a link to its detail; refreshed when a call with that number starts or ends.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { CallPage } from "@/components/api/types";
import { CallStatusBadge, OutcomeBadge } from "@/components/calls/call-badges";
import { formatCallDuration } from "@/components/calls/call-duration";
import { CALL_EVENTS } from "@/components/live/live-events";
import { useThrottledRefetch } from "@/components/live/throttled-invalidator";
import { useBufferedLive } from "@/components/live/use-buffered-live";
import { ErrorNotice } from "@/components/ui/error-notice";
import { RelativeTime, useNow } from "@/components/ui/relative-time";

const SHOWN = 10;

export function CustomerCalls({ clientId, phone }: { clientId: string; phone: string | null }) {
  const now = useNow();
  const key = ["calls", "customer", clientId, phone] as const;
  const refetch = useThrottledRefetch(key, 1_000);
  useBufferedLive(CALL_EVENTS, (heard) => {
    if (heard.some(({ payload }) => payload.fromNumber === phone || payload.toNumber === phone)) refetch();
  });
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<CallPage>(`/api/calls?${new URLSearchParams({ clientId, phone: phone ?? "", limit: String(SHOWN) })}`),
    enabled: !!phone,
  });

  if (!phone) return <p className="text-sm text-slate-500 dark:text-slate-400">No phone number for this customer.</p>;
  if (query.isPending) return <p className="text-sm text-slate-500">Loading calls…</p>;
  if (query.isError) return <ErrorNotice compact what="this customer's calls" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const calls = query.data.calls;
  if (calls.length === 0) return <p data-testid="customer-calls-empty" className="text-sm text-slate-500 dark:text-slate-400">No calls with this number.</p>;
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {calls.map((call) => (
        <li key={call.id}>
          <Link href={`/calls/${encodeURIComponent(call.callId)}`} data-testid="customer-call" data-call-id={call.callId} className="block space-y-1 py-2 hover:bg-slate-50 dark:hover:bg-slate-800/60">
            <div className="flex items-center justify-between gap-2 text-sm">
              <span className="text-slate-700 dark:text-slate-200">{call.direction === "outbound" ? "↗ Outbound" : "↙ Inbound"}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">
                <RelativeTime iso={call.startedAt ?? call.createdAt} now={now} />
              </span>
            </div>
            <div className="flex flex-wrap items-center gap-1.5">
              <CallStatusBadge status={call.status} />
              <OutcomeBadge outcome={call.outcome} />
              <span className="ml-auto text-xs tabular-nums text-slate-500 dark:text-slate-400">{formatCallDuration(call.durationMs)}</span>
            </div>
          </Link>
        </li>
      ))}
      {query.data.nextCursor && (
        <li className="pt-2 text-xs text-slate-500 dark:text-slate-400">The {SHOWN} latest are shown.</li>
      )}
    </ul>
  );
}
