"use client";

// Unresolved errors by severity (GET /api/errors/stats). Where the error log does not exist
// (the route answers 404) the panel is left out rather than shown broken.
import Link from "next/link";
import { ErrorSummary } from "@/components/errors/error-summary";
import { useErrorStats } from "@/components/errors/use-error-stats";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ApiError } from "@/components/api/api-client";
import { Panel } from "./panel";

export function ErrorPanel({ clientId }: { clientId?: string }) {
  const { data, error, refetch } = useErrorStats(clientId);
  if (error instanceof ApiError && error.status === 404) return null;
  return (
    <Panel
      id="error-panel"
      title="Errors by severity"
      action={
        <Link href={clientId ? `/errors?clientId=${encodeURIComponent(clientId)}` : "/errors"} className="text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Error log
        </Link>
      }
    >
      {error && !data ? <ErrorNotice compact what="error counts" error={error} onRetry={() => void refetch()} /> : <ErrorSummary stats={data} clientId={clientId} />}
    </Panel>
  );
}
