"use client";

import type { ApiMessage } from "./message-types";
import { useNow } from "./relative-time";
import { ScheduledRow } from "./scheduled-row";
import type { ClientSummary } from "./use-clients";
import { VIEWER_ZONE } from "./zoned-time";

const HEAD = "px-2.5 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

export function ScheduledTable({ messages, clients }: { messages: ApiMessage[]; clients: Map<string, ClientSummary> }) {
  const now = useNow();
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="block text-sm lg:table lg:min-w-full">
        <thead className="hidden bg-slate-50 lg:table-header-group dark:bg-slate-900">
          <tr>
            <th scope="col" className={`${HEAD} w-10 pr-0`}>
              <span className="sr-only">Details</span>
            </th>
            <th scope="col" className={HEAD}>
              Goes at <span className="font-normal normal-case">(your time, {VIEWER_ZONE})</span>
            </th>
            <th scope="col" className={HEAD}>Client&apos;s time</th>
            <th scope="col" className={HEAD}>To</th>
            <th scope="col" className={HEAD}>Message</th>
            <th scope="col" className={HEAD}>Why it waits</th>
            <th scope="col" className={HEAD}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="block lg:table-row-group">
          {messages.map((m) => (
            <ScheduledRow key={m.id} message={m} client={clients.get(m.clientId)} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
