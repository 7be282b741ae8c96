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
import { useClient } from "@/components/api/use-clients";

const LINK = "text-sm text-indigo-700 hover:underline dark:text-indigo-300";

export function ClientEditor({ clientId }: { clientId: string }) {
  const { data: client, error, isPending, refetch, isFetching } = useClient(clientId);

  if (isPending) return <p className="py-12 text-center text-sm text-slate-500">Loading client…</p>;
  if (error instanceof ApiError && error.status === 404) {
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
      {/* Each section keeps its own draft from the first load: saving one never resets another. */}
      <DetailsSection client={client} />
      <BusinessHoursSection client={client} />
      <ComplianceSection client={client} />
      <FollowUpRulesSection client={client} />
      <TemplatesSection client={client} />
      <RotateKeySection client={client} />
    </div>
  );
}
