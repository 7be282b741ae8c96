"use client";

// Acknowledge (someone is on it) and Resolve (fixed) for one entry; "all like this" resolves
// every open entry with the same fingerprint.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ApiErrorEntry } from "@/components/api/types";
import { missingPermission, useMe } from "@/components/auth/use-me";

type Action = "acknowledge" | "resolve" | "resolve-similar";

const BUTTON = "rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset transition disabled:cursor-not-allowed disabled:opacity-50";
const PLAIN = `${BUTTON} bg-white text-slate-700 ring-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-600 dark:hover:bg-slate-800`;
const PRIMARY = `${BUTTON} bg-white text-emerald-700 ring-emerald-300 hover:bg-emerald-50 dark:bg-slate-900 dark:text-emerald-300 dark:ring-emerald-700 dark:hover:bg-emerald-950`;

export function ErrorActions({ entry, showSimilar }: { entry: ApiErrorEntry; showSimilar?: boolean }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (action: Action) =>
      fetchJson<{ entry: ApiErrorEntry; updated: number }>(
        `/api/errors/${encodeURIComponent(entry.id)}/${action === "acknowledge" ? "acknowledge" : "resolve"}`,
        { method: "POST", json: action === "resolve-similar" ? { similar: true } : {} },
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["errors"] });
      void queryClient.invalidateQueries({ queryKey: ["error-stats"] });
    },
  });
  const { can } = useMe();
  // Shown but disabled for a role without the permission, so the entry still says what could be done.
  const denied = !can("resolve_errors");
  const deniedTitle = denied ? missingPermission("resolve_errors") : undefined;
  const busy = (action: Action, label: string, doing: string) => (mutation.isPending && mutation.variables === action ? doing : label);

  if (entry.resolvedAt && !mutation.error) return null;
  return (
    <div className="flex flex-col items-start gap-1 lg:items-end">
      <div className="flex flex-wrap gap-1.5 lg:justify-end">
        {!entry.acknowledgedAt && !entry.resolvedAt && (
          <button type="button" onClick={() => mutation.mutate("acknowledge")} disabled={mutation.isPending || denied} title={deniedTitle} className={PLAIN}>
            {busy("acknowledge", "Acknowledge", "Acknowledging…")}
          </button>
        )}
        {!entry.resolvedAt && (
          <button type="button" onClick={() => mutation.mutate("resolve")} disabled={mutation.isPending || denied} title={deniedTitle} className={PRIMARY}>
            {busy("resolve", "Resolve", "Resolving…")}
          </button>
        )}
        {showSimilar && !entry.resolvedAt && (
          <button type="button" onClick={() => mutation.mutate("resolve-similar")} disabled={mutation.isPending || denied} className={PLAIN} title={deniedTitle ?? "Resolve every open entry with this fingerprint"}>
            {busy("resolve-similar", "Resolve all like this", "Resolving…")}
          </button>
        )}
      </div>
      {mutation.error && (
        <p role="alert" className="max-w-48 text-xs text-red-700 lg:text-right dark:text-red-300">
          {mutation.error.message}
        </p>
      )}
    </div>
  );
}
