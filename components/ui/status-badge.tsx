import { STATUS_BADGE_CLASSES, UNKNOWN_STATUS_CLASSES } from "./status-colors";
import { STATUS_MEANINGS, statusLabel } from "./labels";

// A message status, or an event name of the activity feed ("queued", "retry", "call started"),
// which has no colour of its own. It shows the status in words ("Dead letter"); data-status keeps the code.
export function StatusBadge({ status }: { status: string }) {
  const colours = (STATUS_BADGE_CLASSES as Record<string, string | undefined>)[status] ?? UNKNOWN_STATUS_CLASSES;
  return (
    <span
      data-testid="status-badge"
      data-status={status}
      title={STATUS_MEANINGS[status]}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colours}`}
    >
      {statusLabel(status)}
    </span>
  );
}

/** A crash left it unknown whether the provider already had this message; it was sent again. */
export function PossibleDuplicateBadge() {
  return (
    <span
      data-testid="possible-duplicate"
      title="Herald stopped while this message was being handed to the provider, so it was sent again: the customer may have received it twice."
      className="ml-1 inline-flex items-center rounded-full bg-orange-100 px-2 py-0.5 text-xs font-medium text-orange-800 ring-1 ring-inset ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800"
    >
      maybe sent twice
    </span>
  );
}
