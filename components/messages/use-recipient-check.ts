"use client";

// Before a bulk retry: which of the selected messages last failed because of the recipient
// (a bad number, an opt-out)? Reads each one's attempt log, four at a time, as a single Retry does.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { runBounded } from "@/components/api/run-bounded";
import { messageDetailQuery, recipientFailure } from "./use-message-detail";
import { BULK_CONCURRENCY } from "./use-bulk-retry";

export interface RecipientCheck {
  ids: string[];
  checked: number;
  /** id → the recipient error its last failed attempt gave. */
  blamed: Map<string, string>;
  running: boolean;
}

export function useRecipientCheck() {
  const queryClient = useQueryClient();
  const [check, setCheck] = useState<RecipientCheck | null>(null);

  /** Checks `ids`; resolves with the blamed ones (an unreadable detail is not blamed). */
  const run = useCallback(
    async (ids: string[]) => {
      const blamed = new Map<string, string>();
      setCheck({ ids, checked: 0, blamed, running: true });
      await runBounded(
        ids,
        BULK_CONCURRENCY,
        async (id) => {
          const why = recipientFailure(await queryClient.fetchQuery(messageDetailQuery(id)));
          if (why) blamed.set(id, why);
        },
        () => setCheck((c) => c && { ...c, checked: c.checked + 1 }),
      );
      setCheck({ ids, checked: ids.length, blamed, running: false });
      return blamed;
    },
    [queryClient],
  );

  return { check, run, clear: () => setCheck(null) };
}
