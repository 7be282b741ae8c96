// Turns a burst of "this list is out of date" signals into at most one refetch per interval.
// While a refetch for the key is still running, the next one waits for it: an answer that
// started before an event may not include it, so one more refetch follows, never overlapping.
import { hashKey, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { createEventBuffer } from "./event-buffer";

export interface ThrottledInvalidator {
  request(): void;
  dispose(): void;
}

export function createThrottledInvalidator(queryClient: QueryClient, queryKey: QueryKey, intervalMs = 250): ThrottledInvalidator {
  const signals = createEventBuffer<undefined>(() => {
    if (queryClient.isFetching({ queryKey }) > 0) signals.push(undefined);
    else void queryClient.invalidateQueries({ queryKey });
  }, intervalMs);
  return { request: () => signals.push(undefined), dispose: () => signals.dispose() };
}

/** The same for a component: a stable `refetch()` for `queryKey`, disposed with the component or the key. */
export function useThrottledRefetch(queryKey: QueryKey, intervalMs = 250): () => void {
  const queryClient = useQueryClient();
  const hash = hashKey(queryKey);
  const current = useRef<ThrottledInvalidator | null>(null);
  // Keyed by the key's hash: a new array with the same parts is the same key.
  useEffect(() => {
    const invalidator = createThrottledInvalidator(queryClient, queryKey, intervalMs);
    current.current = invalidator;
    return () => {
      invalidator.dispose();
      if (current.current === invalidator) current.current = null;
    };
  }, [queryClient, hash, intervalMs]);
  return useCallback(() => current.current?.request(), []);
}
