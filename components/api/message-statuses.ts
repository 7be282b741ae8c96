// The console's one window on the server's message statuses: every console module asks here,
// and only this file reads the queue's transition table (lib/queue/transitions.ts, type-only
// imports, so safe in the browser).
import { CANCELLABLE_STATUSES, RETRYABLE_STATUSES } from "@/lib/queue/transitions";

export { CHANNELS, MESSAGE_STATUSES, type Channel, type MessageStatus } from "@/lib/domain/words";

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
