"use client";

// Bulk retry: POST /api/messages/:id/retry for each selected id, four at a time, with progress.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { fetchJson } from "@/components/api/api-client";
import { runBounded } from "@/components/api/run-bounded";

export const BULK_CONCURRENCY = 4;

export interface BulkProgress {
  total: number;
  done: number;
  failures: { id: string; message: string }[];
  running: boolean;
}

export function useBulkRetry() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<BulkProgress | null>(null);

  const start = useCallback(
    async (ids: string[]) => {
      setProgress({ total: ids.length, done: 0, failures: [], running: true });
      await runBounded(
        ids,
        BULK_CONCURRENCY,
        (id) => fetchJson(`/api/messages/${encodeURIComponent(id)}/retry`, { method: "POST", json: {} }),
        ({ item, error }) =>
          setProgress((p) =>
            p && { ...p, done: p.done + 1, failures: error ? [...p.failures, { id: item, message: error.message }] : p.failures },
          ),
      );
      setProgress((p) => p && { ...p, running: false });
      void queryClient.invalidateQueries({ queryKey: ["messages"] });
      void queryClient.invalidateQueries({ queryKey: ["stats"] });
    },
    [queryClient],
  );

  return { progress, start, dismiss: () => setProgress(null) };
}
