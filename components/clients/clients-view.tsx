"use client";

// The clients page: every tenant, and the "New client" form.
import Link from "next/link";
import { useState } from "react";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ClientList } from "./client-list";
import { PRIMARY_BUTTON } from "@/components/ui/field";
import { NewClientForm } from "./new-client-form";
import { useClients } from "@/components/api/use-clients";
import { PageHeader } from "@/components/ui/page-header";
import { useMe } from "@/components/auth/use-me";

export function ClientsView({ clientId }: { clientId?: string }) {
  const me = useMe();
  // Creating a client concerns every client: not for a portal user, nor a role without manage_clients.
  const mayCreate = me.can("manage_clients") && !me.ownClientId;
  const clients = useClients({ fresh: true });
  // In the server's order (by name), not re-sorted here.
  const all = clients.data?.clients;
  const shown = clientId ? all?.filter((c) => c.id === clientId) : all;
  const [creating, setCreating] = useState(false);

  return (
    <div className="space-y-4">
      <PageHeader
        title="Clients"
        description="The businesses Herald sends for: their hours, senders, follow-up rules and templates."
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {clientId && (
              <Link
                href="/clients"
                className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2.5 py-1 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800"
                title="Show every client"
              >
                client {clientId} <span aria-hidden>×</span>
                <span className="sr-only">(remove the client filter)</span>
              </Link>
            )}
            {!creating && mayCreate && (
              <button type="button" onClick={() => setCreating(true)} className={PRIMARY_BUTTON}>
                New client
              </button>
            )}
          </div>
        }
      />

      {creating && <NewClientForm onClose={() => setCreating(false)} />}

      {clients.isPending ? (
        <p className="py-12 text-center text-sm text-slate-500">Loading clients…</p>
      ) : !shown ? (
        <ErrorNotice what="clients" error={clients.error ?? new Error("no answer")} onRetry={() => void clients.refetch()} retrying={clients.isFetching} />
      ) : shown.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-12 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          {clientId ? "No client has this id." : "No clients yet. Create one to give it an API key and start sending."}
        </div>
      ) : (
        <ClientList clients={shown} />
      )}
    </div>
  );
}
