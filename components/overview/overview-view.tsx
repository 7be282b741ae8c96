"use client";

// The overview: the queue by status and channel, throughput, cost and lag, health, calls and
// errors, all live and all scoped by ?clientId= when it is set.
import { useQueueStats } from "@/components/live/use-queue-stats";
import { ClientFilter } from "@/components/ui/client-filter";
import { ErrorNotice } from "@/components/ui/error-notice";
import { useClientNames, useClients } from "@/components/api/use-clients";
import { CallsNowPanel, RecentCallsPanel } from "./calls-panels";
import { ErrorPanel } from "./error-panel";
import { HealthPanel } from "./health-panel";
import { StatusTiles } from "./status-tiles";
import { CostPanel, ThroughputPanel } from "./throughput-panel";
import { PageHeader } from "@/components/ui/page-header";
import { useMe } from "@/components/auth/use-me";

const NO_IDS: string[] = [];

export function OverviewView({ clientId }: { clientId?: string }) {
  const stats = useQueueStats(clientId);
  const clientNames = useClientNames(NO_IDS);
  const { byId } = useClients();
  // A portal user's overview is their client's, whether or not the URL names it.
  const { ownClientId } = useMe();
  const shown = clientId ?? ownClientId;
  const scope = shown ? (byId.get(shown)?.name ?? shown) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Overview"
        description={
          scope ? (
            <>
              <span data-testid="overview-scope">{scope}</span>: the queue right now, updated live.
            </>
          ) : (
            "Every client's queue right now, updated live."
          )
        }
        actions={
          <div className="flex items-center gap-2">
            <ClientFilter id="overview-client" clientId={clientId} hrefFor={(id) => (id ? `/?clientId=${encodeURIComponent(id)}` : "/")} />
          </div>
        }
      />

      {stats.data ? (
        <StatusTiles stats={stats.data} clientId={clientId} />
      ) : stats.error ? (
        <ErrorNotice what="queue statistics" error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <div aria-busy className="h-48 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" />
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        {stats.data && (
          <>
            <div className="lg:col-span-2">
              <ThroughputPanel stats={stats.data} clientId={clientId} />
            </div>
            <CostPanel stats={stats.data} />
          </>
        )}
        <HealthPanel />
        <CallsNowPanel clientId={clientId} clientNames={clientNames} />
        <RecentCallsPanel clientId={clientId} clientNames={clientNames} />
      </div>
      <ErrorPanel clientId={clientId} />
    </div>
  );
}
