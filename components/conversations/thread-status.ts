// How a bubble's status may change in the thread. Statuses arrive from three places (the
// history, live events, our own send) in any order, and late or repeated: a status only
// moves forward along this order, so a stale "sent" never undoes a "read". A Retry is the
// one step back, and it resets the bubble explicitly (use-thread.ts).
import type { HistoryItem } from "@/lib/conversations/queries";

/** Later in the list wins; failed sits before sent because the worker may still retry it and send. */
const ORDER = ["sending", "pending", "processing", "failed", "sent", "delivered", "read", "dead_letter", "cancelled"] as const;

/** "sending": our own bubble, not yet acknowledged by the server. "received": an inbound message. */
export type BubbleStatus = (typeof ORDER)[number] | "received";

const rank = (s: string) => (ORDER as readonly string[]).indexOf(s);

/** The later of two statuses (an unknown one never wins over a known one). */
export function laterStatus(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return rank(b) > rank(a) ? b : a;
}

/** The ticks a bubble draws: clock (not yet sent), one grey, two grey, two blue, or red. */
export type Tick = "clock" | "sent" | "delivered" | "read" | "failed";

export function tickFor(status: string): Tick {
  if (status === "sent") return "sent";
  if (status === "delivered") return "delivered";
  if (status === "read") return "read";
  if (status === "failed" || status === "dead_letter" || status === "cancelled") return "failed";
  return "clock";
}

/** Retry applies (the server's rule: failed or dead_letter, components/api/message-statuses.ts). */
export { isRetryable } from "@/components/api/message-statuses";

/** One bubble as the thread draws it: a history item, or our own send still in flight. */
export interface Bubble extends Omit<HistoryItem, "status"> {
  status: string;
  /** A stable React key: our client-side id for our own sends, so the bubble is not redrawn when the server's id arrives. */
  key: string;
  /** Our own send that the server has not acknowledged (or refused): its client-side messageId. */
  localId?: string;
  /** Why the send request itself failed (network, 4xx); the bubble offers Retry with the same messageId. */
  sendError?: string;
}
