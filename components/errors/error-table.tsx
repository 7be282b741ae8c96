"use client";

import { useNow } from "@/components/messages/relative-time";
import type { ApiErrorEntry } from "./error-types";
import { ErrorRow } from "./error-row";

const HEAD = "px-2.5 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

export function ErrorTable({ errors, clientNames, fresh }: { errors: ApiErrorEntry[]; clientNames: Map<string, string>; fresh: ReadonlySet<string> }) {
  const now = useNow();
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="block text-sm lg:table lg:min-w-full">
        <thead className="hidden bg-slate-50 lg:table-header-group dark:bg-slate-900">
          <tr>
            <th scope="col" className={`${HEAD} pl-4`}>Severity</th>
            <th scope="col" className={HEAD}>Error</th>
            <th scope="col" className={HEAD}>Client</th>
            <th scope="col" className={HEAD}>When</th>
            <th scope="col" className={HEAD}>State</th>
            <th scope="col" className={HEAD}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="block lg:table-row-group">
          {errors.map((e) => (
            <ErrorRow key={e.id} entry={e} clientName={e.clientId ? clientNames.get(e.clientId) : undefined} now={now} fresh={fresh.has(e.id)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
