// Turns a burst of "this list is out of date" signals into at most one refetch per interval.
// While a refetch for the key is still running, the next one waits for it: an answer that
// started before an event may not include it, so one more refetch follows, never overlapping.
import type { QueryClient, QueryKey } from "@tanstack/react-query";

export interface ThrottledInvalidator {
  request(): void;
  dispose(): void;
}

export function createThrottledInvalidator(queryClient: QueryClient, queryKey: QueryKey, intervalMs = 250): ThrottledInvalidator {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlushAt = 0;

  const flush = () => {
    timer = undefined;
    if (queryClient.isFetching({ queryKey }) > 0) {
      timer = setTimeout(flush, intervalMs);
      return;
    }
    lastFlushAt = Date.now();
    void queryClient.invalidateQueries({ queryKey });
  };

  return {
    request() {
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, lastFlushAt + intervalMs - Date.now()));
    },
    dispose() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
