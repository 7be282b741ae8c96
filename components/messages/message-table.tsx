"use client";

import type { ApiMessage } from "./message-types";
import { MessageRow } from "./message-row";
import { useNow } from "./relative-time";

const HEAD = "px-2.5 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

export function MessageTable({ messages, clientNames }: { messages: ApiMessage[]; clientNames: Map<string, string> }) {
  const now = useNow();
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="block text-sm lg:table lg:min-w-full">
        <thead className="hidden bg-slate-50 lg:table-header-group dark:bg-slate-900">
          <tr>
            <th scope="col" className={HEAD}>Id</th>
            <th scope="col" className={HEAD}>Client</th>
            <th scope="col" className={`${HEAD} hidden xl:table-cell`}>Channel</th>
            <th scope="col" className={HEAD}>To</th>
            <th scope="col" className={HEAD}>Body</th>
            <th scope="col" className={HEAD}>Status</th>
            <th scope="col" className={`${HEAD} text-right`}>Attempts</th>
            <th scope="col" className={`${HEAD} hidden xl:table-cell`}>Provider</th>
            <th scope="col" className={HEAD}>Created</th>
            <th scope="col" className={HEAD}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="block lg:table-row-group">
          {messages.map((m) => (
            <MessageRow key={m.id} message={m} clientName={clientNames.get(m.clientId)} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
