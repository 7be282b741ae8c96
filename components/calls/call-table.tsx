"use client";

import { useNow } from "@/components/messages/relative-time";
import { CallRow } from "./call-row";
import type { ApiCall } from "./call-types";

const HEAD = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

export function CallTable({ calls, clientNames }: { calls: ApiCall[]; clientNames: Map<string, string> }) {
  const now = useNow();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="block text-sm lg:table lg:min-w-full">
        <thead className="hidden bg-slate-50 lg:table-header-group dark:bg-slate-900">
          <tr>
            <th scope="col" className={HEAD}>Customer</th>
            <th scope="col" className={HEAD}>Client</th>
            <th scope="col" className={`${HEAD} hidden xl:table-cell`}>Agent line</th>
            <th scope="col" className={HEAD}>Status</th>
            <th scope="col" className={HEAD}>Outcome</th>
            <th scope="col" className={`${HEAD} text-right`}>Duration</th>
            <th scope="col" className={HEAD}>Started</th>
          </tr>
        </thead>
        <tbody className="block lg:table-row-group">
          {calls.map((c) => (
            <CallRow key={c.id} call={c} clientName={clientNames.get(c.clientId)} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
