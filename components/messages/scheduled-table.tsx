"use client";

import type { ApiClient } from "@/components/api/types";
import { useNow } from "@/components/ui/relative-time";
import { ScheduledRow, type ScheduledEntry } from "./scheduled-row";
import { VIEWER_ZONE } from "@/components/ui/zoned-time";
import { DataTable, srOnly, type Column } from "@/components/ui/data-table";

const COLUMNS: Column[] = [
  { key: "details", label: srOnly("Details"), className: "w-12 pr-0" },
  { key: "at", label: <>Really goes at <span className="font-normal normal-case">(your time, {VIEWER_ZONE})</span></>, className: "w-52" },
  { key: "client-time", label: "Client's time", className: "w-48" },
  { key: "to", label: "To", className: "w-40" },
  { key: "message", label: "Message" },
  { key: "why", label: "Why it waits", className: "w-52" },
  { key: "actions", label: srOnly("Actions"), className: "w-24" },
];

export function ScheduledTable({ messages, clients }: { messages: ScheduledEntry[]; clients: Map<string, ApiClient> }) {
  const now = useNow();
  return (
    <DataTable columns={COLUMNS} fixed testId="scheduled-table">
      {messages.map((m) => (
        <ScheduledRow key={m.id} message={m} client={clients.get(m.clientId)} now={now} />
      ))}
    </DataTable>
  );
}
