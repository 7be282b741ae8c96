"use client";

import { MessageRow } from "./message-row";
import { RETRYABLE, type ApiMessage } from "./message-types";
import { useNow } from "./relative-time";

const HEAD = "px-2.5 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

interface Props {
  messages: ApiMessage[];
  clientNames: Map<string, string>;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (ids: string[], selected: boolean) => void;
}

export function MessageTable({ messages, clientNames, selected, onSelect, onSelectAll }: Props) {
  const now = useNow();
  const retryable = messages.filter((m) => RETRYABLE.includes(m.status)).map((m) => m.id);
  const allSelected = retryable.length > 0 && retryable.every((id) => selected.has(id));
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      {retryable.length > 0 && (
        // On a phone there is no header row: the select-all box sits above the cards.
        <label className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 text-xs text-slate-600 lg:hidden dark:border-slate-800 dark:text-slate-300">
          <input type="checkbox" checked={allSelected} onChange={(e) => onSelectAll(retryable, e.target.checked)} className="h-4 w-4 accent-indigo-600" />
          Select all {retryable.length} failed or dead-lettered shown
        </label>
      )}
      <table className="block text-sm lg:table lg:min-w-full">
        <thead className="hidden bg-slate-50 lg:table-header-group dark:bg-slate-900">
          <tr>
            <th scope="col" className={`${HEAD} w-16 pr-0`}>
              <input
                type="checkbox"
                checked={allSelected}
                disabled={retryable.length === 0}
                onChange={(e) => onSelectAll(retryable, e.target.checked)}
                aria-label="Select every failed or dead-lettered message shown"
                className="h-4 w-4 accent-indigo-600 disabled:opacity-40"
              />
            </th>
            <th scope="col" className={HEAD}>Id</th>
            <th scope="col" className={HEAD}>Client</th>
            <th scope="col" className={`${HEAD} hidden xl:table-cell`}>Channel</th>
            <th scope="col" className={HEAD}>To</th>
            <th scope="col" className={HEAD}>Body</th>
            <th scope="col" className={HEAD}>Status</th>
            <th scope="col" className={`${HEAD} text-right`}>Tries</th>
            <th scope="col" className={`${HEAD} hidden xl:table-cell`}>Provider</th>
            <th scope="col" className={HEAD}>Created</th>
            <th scope="col" className={HEAD}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="block lg:table-row-group">
          {messages.map((m) => (
            <MessageRow key={m.id} message={m} clientName={clientNames.get(m.clientId)} now={now} selected={selected.has(m.id)} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
