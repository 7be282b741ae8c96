"use client";

import { useNow } from "@/components/ui/relative-time";
import type { ApiErrorEntry } from "@/components/api/types";
import { ErrorRow } from "./error-row";
import { DataTable, srOnly, type Column } from "@/components/ui/data-table";

const COLUMNS: Column[] = [
  { key: "severity", label: "Severity", className: "pl-4" },
  { key: "error", label: "Error" },
  { key: "client", label: "Client" },
  { key: "when", label: "When" },
  { key: "state", label: "State" },
  { key: "actions", label: srOnly("Actions") },
];

export function ErrorTable({ errors, clientNames, fresh }: { errors: ApiErrorEntry[]; clientNames: Map<string, string>; fresh: ReadonlySet<string> }) {
  const now = useNow();
  return (
    <DataTable columns={COLUMNS}>
      {errors.map((e) => (
        <ErrorRow key={e.id} entry={e} clientName={e.clientId ? clientNames.get(e.clientId) : undefined} now={now} fresh={fresh.has(e.id)} />
      ))}
    </DataTable>
  );
}
