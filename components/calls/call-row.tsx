"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { memo } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { CallStatusBadge, OutcomeBadge } from "./call-badges";
import type { ApiCall } from "@/components/api/types";
import { formatCallDuration } from "./call-duration";

// Below `lg` a row is a two-column card; from `lg` up an ordinary table row (as on /messages).
const CELL = "min-w-0 lg:px-3 lg:py-2.5 lg:align-middle";

/** The customer is the caller on an inbound call and the callee on an outbound one. */
export function customerNumber(call: Pick<ApiCall, "direction" | "fromNumber" | "toNumber">): string | null {
  return call.direction === "outbound" ? call.toNumber : call.fromNumber;
}

export function agentNumber(call: Pick<ApiCall, "direction" | "fromNumber" | "toNumber">): string | null {
  return call.direction === "outbound" ? call.fromNumber : call.toNumber;
}

function CallRowImpl({ call, clientName, now }: { call: ApiCall; clientName?: string; now: number }) {
  const router = useRouter();
  const href = `/calls/${encodeURIComponent(call.callId)}`;
  return (
    <tr
      data-testid="call-row"
      data-call-id={call.callId}
      onClick={(e) => {
        // The link is the keyboard way in; the rest of the row is a convenience for the mouse.
        if (!(e.target as HTMLElement).closest("a")) router.push(href);
      }}
      className="grid cursor-pointer grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 border-t border-slate-200 px-3 py-3 first:border-t-0 hover:bg-slate-50 lg:table-row lg:p-0 lg:first:border-t dark:border-slate-800 dark:hover:bg-slate-900/60"
    >
      <td className={`${CELL} order-1 lg:table-cell`}>
        <Link href={href} className={`${call.customerName ? "" : "font-mono "}text-sm font-medium text-indigo-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-300`}>
          {call.customerName ?? customerNumber(call) ?? "unknown number"}
        </Link>
        {call.customerName && <span className="ml-2 font-mono text-xs text-slate-500 dark:text-slate-400">{customerNumber(call)}</span>}
        <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{call.direction === "outbound" ? "↗ outbound" : "↙ inbound"}</span>
      </td>
      <td className={`${CELL} order-3 truncate text-xs text-slate-500 lg:table-cell lg:text-sm lg:text-inherit dark:text-slate-400 lg:dark:text-inherit`}>
        <span className="block truncate lg:max-w-48" title={call.clientId}>
          {clientName ?? <span className="font-mono text-xs">{call.clientId}</span>}
        </span>
      </td>
      <td className={`${CELL} hidden font-mono text-xs text-slate-500 xl:table-cell dark:text-slate-400`}>{agentNumber(call) ?? "—"}</td>
      <td className={`${CELL} order-2 justify-self-end lg:table-cell`}>
        <CallStatusBadge status={call.status} />
      </td>
      <td className={`${CELL} order-5 lg:table-cell`}>
        <OutcomeBadge outcome={call.outcome} />
      </td>
      <td className={`${CELL} order-6 justify-self-end text-xs tabular-nums text-slate-600 lg:table-cell lg:text-right lg:text-sm dark:text-slate-300`}>
        {formatCallDuration(call.durationMs)}
      </td>
      <td className={`${CELL} order-4 justify-self-end text-xs text-slate-500 lg:table-cell lg:text-sm lg:text-slate-600 dark:text-slate-400 lg:dark:text-slate-300`}>
        <RelativeTime iso={call.startedAt ?? call.createdAt} now={now} />
      </td>
    </tr>
  );
}

// A refetch hands back new objects only for the calls that changed; the others skip rendering.
export const CallRow = memo(CallRowImpl);
