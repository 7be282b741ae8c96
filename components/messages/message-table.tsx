"use client";

import { MessageRow } from "./message-row";
import { isRetryable } from "@/components/api/message-statuses";
import type { ApiMessage } from "@/components/api/types";
import { useNow } from "@/components/ui/relative-time";
import { DataTable, srOnly, type Column } from "@/components/ui/data-table";

const COLUMNS: Column[] = [
  { key: "id", label: "Id" },
  { key: "client", label: "Client" },
  { key: "channel", label: "Channel", className: "hidden xl:table-cell" },
  { key: "to", label: "To" },
  { key: "body", label: "Body" },
  { key: "status", label: "Status" },
  { key: "tries", label: "Tries", className: "text-right" },
  { key: "provider", label: "Provider", className: "hidden xl:table-cell" },
  { key: "created", label: "Created" },
  { key: "actions", label: srOnly("Actions") },
];

interface Props {
  messages: ApiMessage[];
  clientNames: Map<string, string>;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (ids: string[], selected: boolean) => void;
}

export function MessageTable({ messages, clientNames, selected, onSelect, onSelectAll }: Props) {
  const now = useNow();
  const retryable = messages.filter((m) => isRetryable(m.status)).map((m) => m.id);
  const allSelected = retryable.length > 0 && retryable.every((id) => selected.has(id));
  const columns: Column[] = [
    {
      key: "select",
      className: "w-16 pr-0",
      label: (
        <input
          type="checkbox"
          checked={allSelected}
          disabled={retryable.length === 0}
          onChange={(e) => onSelectAll(retryable, e.target.checked)}
          aria-label="Select every failed or dead-lettered message shown"
          className="h-4 w-4 accent-indigo-600 disabled:opacity-40"
        />
      ),
    },
    ...COLUMNS,
  ];
  // On a phone there is no header row: the select-all box sits above the cards.
  const selectAllOnPhone = retryable.length > 0 && (
    <label className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 text-xs text-slate-600 lg:hidden dark:border-slate-800 dark:text-slate-300">
      <input type="checkbox" checked={allSelected} onChange={(e) => onSelectAll(retryable, e.target.checked)} className="h-4 w-4 accent-indigo-600" />
      Select all {retryable.length} failed or dead-lettered shown
    </label>
  );
  return (
    <DataTable columns={columns} above={selectAllOnPhone}>
      {messages.map((m) => (
        <MessageRow key={m.id} message={m} clientName={clientNames.get(m.clientId)} now={now} selected={selected.has(m.id)} onSelect={onSelect} />
      ))}
    </DataTable>
  );
}
