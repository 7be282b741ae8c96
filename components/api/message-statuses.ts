// The console's one window on the server's message statuses: every console module asks here,
// and only this file reads lib/queue/statuses.ts (a file with no imports, so safe in the browser).
// When the server's definition moves, this is the one import to re-point.
import { CANCELLABLE_STATUSES, RETRYABLE_STATUSES } from "@/lib/queue/statuses";

export { CHANNELS, MESSAGE_STATUSES, type Channel, type MessageStatus } from "@/lib/queue/statuses";

const retryable: readonly string[] = RETRYABLE_STATUSES;
const cancellable: readonly string[] = CANCELLABLE_STATUSES;

/** Retry and Edit apply (failed, dead_letter). */
export function isRetryable(status: string): boolean {
  return retryable.includes(status);
}

/** Cancel applies (pending, failed). */
export function isCancellable(status: string): boolean {
  return cancellable.includes(status);
}
