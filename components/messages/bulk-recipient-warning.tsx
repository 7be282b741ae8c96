"use client";

// The bulk bar's question before retrying messages that failed because of the recipient:
// how many of the selection, why (the first few errors), and what to do with them.
import { PRIMARY_ACTION, SECONDARY_ACTION } from "./message-actions";
import type { RecipientCheck } from "./use-recipient-check";

export function BulkRecipientWarning({ check, onRetryIds, onKeep }: { check: RecipientCheck; onRetryIds: (ids: string[]) => void; onKeep: () => void }) {
  const blamed = check.blamed.size;
  const others = check.ids.filter((id) => !check.blamed.has(id));
  const reasons = [...new Set(check.blamed.values())].slice(0, 3);
  return (
    <div role="alertdialog" aria-label="Retry messages the recipient refused?" data-testid="bulk-recipient-warning" className="space-y-1.5 rounded-md bg-amber-50 p-2 text-xs text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
      <p>
        <strong data-testid="bulk-recipient-count">
          {blamed === check.ids.length ? `All ${blamed} selected` : `${blamed} of the ${check.ids.length} selected`} failed because of the recipient
        </strong>{" "}
        ({reasons.join("; ")}). Sent again as they are, they will most likely fail again.
      </p>
      <div className="flex flex-wrap justify-end gap-1.5">
        {others.length > 0 && (
          <button type="button" onClick={() => onRetryIds(others)} className={PRIMARY_ACTION}>
            Retry only the other {others.length}
          </button>
        )}
        <button type="button" onClick={() => onRetryIds(check.ids)} className={SECONDARY_ACTION}>
          Retry all {check.ids.length} anyway
        </button>
        <button type="button" onClick={onKeep} className={SECONDARY_ACTION}>
          Keep
        </button>
      </div>
    </div>
  );
}
