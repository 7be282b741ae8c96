import { STATUS_BADGE_CLASSES, UNKNOWN_STATUS_CLASSES } from "./status-colors";

// A message status, or an event name of the activity feed ("queued", "retry", "call started"),
// which has no colour of its own.
export function StatusBadge({ status }: { status: string }) {
  const colours = (STATUS_BADGE_CLASSES as Record<string, string | undefined>)[status] ?? UNKNOWN_STATUS_CLASSES;
  return (
    <span
      data-testid="status-badge"
      data-status={status}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colours}`}
    >
      {status}
    </span>
  );
}
