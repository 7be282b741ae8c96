"use client";

// /clients/:id – every setting of one client, each part saved on its own.
import Link from "next/link";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/components/api/api-client";
import { BusinessHoursSection } from "./business-hours-section";
import { ComplianceSection } from "./compliance-section";
import { DetailsSection } from "./details-section";
import { FollowUpRulesSection } from "./follow-up-rules-section";
import { RotateKeySection } from "./rotate-key-section";
import { TemplatesSection } from "./templates-section";
import { WhatsAppSection } from "./whatsapp-section";
import { useClient } from "@/components/api/use-clients";
import { missingPermission, useMe } from "@/components/auth/use-me";

const LINK = "text-sm text-indigo-700 hover:underline dark:text-indigo-300";

export function ClientEditor({ clientId }: { clientId: string }) {
  const { data: client, error, isPending, refetch, isFetching } = useClient(clientId);
  const readOnly = !useMe().can("manage_clients");

  if (isPending) return <p className="py-12 text-center text-sm text-slate-500">Loading client…</p>;
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <div data-testid="client-not-found" className="mx-auto max-w-md space-y-3 py-16 text-center">
        <h1 className="text-xl font-semibold">Client not found</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          There is no client <span className="break-all font-mono">{clientId}</span>.
        </p>
        <Link href="/clients" className={LINK}>
          ← All clients
        </Link>
      </div>
    );
  }
  if (!client) {
    return (
      <div className="space-y-4">
        <Link href="/clients" className={LINK}>
          ← All clients
        </Link>
        <ErrorNotice what="this client" error={error ?? new Error("no answer")} onRetry={() => void refetch()} retrying={isFetching} />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <Link href="/clients" className={LINK}>
          ← All clients
        </Link>
        <PageHeader
          title={client.name}
          description={<span className="break-all font-mono text-xs">{client.id}</span>}
          actions={
            <nav aria-label="This client's activity" className="flex gap-4">
              <Link href={`/calls?clientId=${encodeURIComponent(client.id)}`} className={LINK}>
                Calls →
              </Link>
              <Link href={`/messages?clientId=${encodeURIComponent(client.id)}`} className={LINK}>
                Messages →
              </Link>
            </nav>
          }
        />
      </div>
      {readOnly && (
        <p data-testid="client-read-only" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-600 dark:bg-slate-900 dark:text-slate-300">
          Read only: {missingPermission("manage_clients").toLowerCase()}.
        </p>
      )}
      {/* Each section keeps its own draft from the first load: saving one never resets another.
          A role that may not edit clients sees them all disabled (a fieldset disables every control in it). */}
      <fieldset disabled={readOnly} title={readOnly ? missingPermission("manage_clients") : undefined} className="min-w-0 space-y-4">
        <DetailsSection client={client} />
        <BusinessHoursSection client={client} />
        <ComplianceSection client={client} />
        <FollowUpRulesSection client={client} />
        <TemplatesSection client={client} />
        <WhatsAppSection client={client} />
      </fieldset>
      <RotateKeySection client={client} />
    </div>
  );
}
