"use client";

import { MessageRow } from "./message-row";
import { isRetryable } from "@/components/api/message-statuses";
import type { ApiMessage } from "@/components/api/types";
import { useNow } from "@/components/ui/relative-time";
import { useClients } from "@/components/api/use-clients";
import { useMe } from "@/components/auth/use-me";
import { DataTable, srOnly, type Column } from "@/components/ui/data-table";

// Fixed widths (the body takes what is left): at 1024 px and up the table fits its frame and the
// actions column always has room for Retry, Edit and Cancel.
const COLUMNS: Column[] = [
  { key: "id", label: "Id", className: "hidden w-24 xl:table-cell" },
  { key: "client", label: "Client", className: "w-28 xl:w-32" },
  { key: "to", label: "To", className: "w-36" },
  { key: "body", label: "Message" },
  { key: "status", label: "Status", className: "w-32" },
  { key: "tries", label: "Tries", className: "w-14 text-right" },
  { key: "provider", label: "Provider", className: "hidden w-20 xl:table-cell" },
  { key: "when", label: "When", className: "w-36" },
  { key: "actions", label: srOnly("Actions"), className: "w-44" },
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
  const { byId: clients } = useClients();
  // Selecting is for bulk retry: a role that may not retry has no boxes at all.
  const mayRetry = useMe().can("retry");
  const retryable = mayRetry ? messages.filter((m) => isRetryable(m.status)).map((m) => m.id) : [];
  const allSelected = retryable.length > 0 && retryable.every((id) => selected.has(id));
  const columns: Column[] = [
    {
      key: "select",
      className: "w-14 pr-0",
      label: mayRetry && (
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
    <DataTable columns={columns} above={selectAllOnPhone} fixed testId="message-table">
      {messages.map((m) => (
        <MessageRow key={m.id} message={m} clientName={clientNames.get(m.clientId)} client={clients.get(m.clientId)} now={now} selected={selected.has(m.id)} onSelect={onSelect} />
      ))}
    </DataTable>
  );
}
