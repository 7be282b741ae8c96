"use client";

import { useNow } from "@/components/ui/relative-time";
import { CallRow } from "./call-row";
import type { ApiCall } from "@/components/api/types";
import { DataTable, type Column } from "@/components/ui/data-table";

const COLUMNS: Column[] = [
  { key: "customer", label: "Customer" },
  { key: "client", label: "Client" },
  { key: "agent", label: "Agent line", className: "hidden xl:table-cell" },
  { key: "status", label: "Status" },
  { key: "outcome", label: "Outcome" },
  { key: "duration", label: "Duration", className: "text-right" },
  { key: "started", label: "Started" },
];

export function CallTable({ calls, clientNames }: { calls: ApiCall[]; clientNames: Map<string, string> }) {
  const now = useNow();
  return (
    <DataTable columns={COLUMNS} padding="px-3">
      {calls.map((c) => (
        <CallRow key={c.id} call={c} clientName={clientNames.get(c.clientId)} now={now} />
      ))}
    </DataTable>
  );
}
