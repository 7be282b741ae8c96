"use client";

import Link from "next/link";
import { formatInZone } from "@/components/ui/zoned-time";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { CallStatusBadge, OutcomeBadge } from "./call-badges";
import { agentNumber, customerNumber } from "./call-row";
import type { CallDetail } from "@/components/api/types";
import { hangUpLabel } from "@/components/ui/labels";
import { formatCallDuration } from "./call-duration";

function Fact({ label, children, wrap = false }: { label: string; children: React.ReactNode; wrap?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`mt-0.5 text-sm ${wrap ? "break-words" : "truncate"}`}>{children}</dd>
    </div>
  );
}

export function CallFacts({ call, clientName }: { call: CallDetail; clientName?: string }) {
  const now = useNow();
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-5 dark:border-slate-800 dark:bg-slate-900">
      <Fact label="Customer">
        {call.customerName && <span data-testid="customer-name" className="block truncate font-medium">{call.customerName}</span>}
        <span className="font-mono">{customerNumber(call) ?? "—"}</span>
      </Fact>
      <Fact label="Agent line">
        <span className="font-mono">{agentNumber(call) ?? "—"}</span>
      </Fact>
      <Fact label="Direction">{call.direction}</Fact>
      <Fact label="Duration">
        <span className="tabular-nums">{formatCallDuration(call.durationMs)}</span>
      </Fact>
      <Fact label="Client">
        <Link href={`/calls?clientId=${encodeURIComponent(call.clientId)}`} className="text-indigo-700 hover:underline dark:text-indigo-300" title="This client's calls">
          {clientName ?? call.clientId}
        </Link>
      </Fact>
      <Fact label="Status">
        <CallStatusBadge status={call.status} />
      </Fact>
      <Fact label="Outcome">
        <OutcomeBadge outcome={call.outcome} />
      </Fact>
      <Fact label="Started" wrap>
        <RelativeTime iso={call.startedAt ?? call.createdAt} now={now} />
        <span className="block text-xs text-slate-500 dark:text-slate-400">{formatInZone(call.startedAt ?? call.createdAt)}</span>
      </Fact>
      <Fact label="Ended">
        <RelativeTime iso={call.endedAt} now={now} />
      </Fact>
      <Fact label="Hang-up">{call.disconnectionReason ? hangUpLabel(call.disconnectionReason) : "—"}</Fact>
    </dl>
  );
}
