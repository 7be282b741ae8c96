"use client";

// Is the worker ticking, is the database up, and the state of every provider's circuit breaker.
import { ErrorNotice } from "@/components/ui/error-notice";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { Panel } from "./panel";
import { useHealth } from "./use-health";

/** The worker ticks every WORKER_INTERVAL_MS (1 s by default); a minute of silence is a stall. */
const STALE_TICK_MS = 60_000;

function Dot({ ok, warn = false }: { ok: boolean; warn?: boolean }) {
  return <span aria-hidden className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${ok ? "bg-green-500" : warn ? "bg-amber-500" : "bg-red-500"}`} />;
}

export function HealthPanel() {
  const now = useNow(5_000);
  const { data, error, refetch } = useHealth();
  if (!data) {
    return (
      <Panel id="health-panel" title="Worker and providers">
        {error ? <ErrorNotice compact what="health" error={error} onRetry={() => void refetch()} /> : <p className="text-sm text-slate-500">Checking…</p>}
      </Panel>
    );
  }
  const tickAge = data.worker.lastTickAt ? now - new Date(data.worker.lastTickAt).getTime() : Infinity;
  const workerOk = data.worker.running && tickAge < STALE_TICK_MS;
  const providers = Object.entries(data.providers);

  return (
    <Panel id="health-panel" title="Worker and providers" action={error ? <span className="text-xs text-amber-700 dark:text-amber-300">stale: {error.message}</span> : undefined}>
      <ul className="space-y-2 text-sm">
        <li data-testid="worker-health" data-ok={workerOk} className="flex items-center gap-2">
          <Dot ok={workerOk} />
          <span className="font-medium">Worker</span>
          <span className="text-slate-600 dark:text-slate-300">{data.worker.running ? "running" : "stopped"}</span>
          <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
            last tick <RelativeTime iso={data.worker.lastTickAt} now={now} />
          </span>
        </li>
        <li className="flex items-center gap-2">
          <Dot ok={data.db === "ok"} />
          <span className="font-medium">Database</span>
          <span className="text-slate-600 dark:text-slate-300">{data.db}</span>
        </li>
        {providers.length === 0 && <li className="text-xs text-slate-500">No providers configured.</li>}
        {providers.map(([name, p]) => {
          const state = p.breaker?.state ?? "closed";
          return (
            <li key={name} data-testid="provider-health" data-provider={name} data-status={p.status} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
              <Dot ok={p.status === "ok"} warn={state === "half_open"} />
              <span className="font-medium">{name}</span>
              {p.channels && <span className="text-xs text-slate-500 dark:text-slate-400">{p.channels.join(", ")}</span>}
              <span className="ml-auto text-xs text-slate-600 dark:text-slate-300">
                {p.status === "ok" ? "ok" : p.status.replace("_", " ")}
                {p.breaker && ` · breaker ${state.replace("_", "-")}${p.breaker.failures ? `, ${p.breaker.failures} failures` : ""}`}
              </span>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
