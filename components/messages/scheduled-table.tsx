"use client";

import type { ApiClient, ApiMessage } from "@/components/api/types";
import { useNow } from "@/components/ui/relative-time";
import { ScheduledRow } from "./scheduled-row";
import { VIEWER_ZONE } from "@/components/ui/zoned-time";
import { DataTable, srOnly, type Column } from "@/components/ui/data-table";

const COLUMNS: Column[] = [
  { key: "details", label: srOnly("Details"), className: "w-10 pr-0" },
  { key: "at", label: <>Goes at <span className="font-normal normal-case">(your time, {VIEWER_ZONE})</span></> },
  { key: "client-time", label: "Client's time" },
  { key: "to", label: "To" },
  { key: "message", label: "Message" },
  { key: "why", label: "Why it waits" },
  { key: "actions", label: srOnly("Actions") },
];

export function ScheduledTable({ messages, clients }: { messages: ApiMessage[]; clients: Map<string, ApiClient> }) {
  const now = useNow();
  return (
    <DataTable columns={COLUMNS}>
      {messages.map((m) => (
        <ScheduledRow key={m.id} message={m} client={clients.get(m.clientId)} now={now} />
      ))}
    </DataTable>
  );
}
