// When a message will really go, as the worker will decide it: its runAt, moved to the
// client's next business-hours opening when it is marketing and runAt falls outside them
// (lib/engine/gate.ts holds it then). The Scheduled tab and the All list both show this.
import type { ApiClient, ApiMessage } from "@/components/api/types";
import { nextOpening } from "@/lib/followups/business-hours";

export interface SendTime {
  /** ISO time it goes (or went); null when it will not go by itself. */
  at: string | null;
  /** Why it waits, in words, or null when nothing holds it. */
  held: string | null;
  /** What `at` is: still ahead (goes), a planned retry, or what happened last (sent, gave up, cancelled, created). */
  kind: "goes" | "retry" | "sent" | "gave up" | "cancelled" | "created";
}

const WAITING = new Set(["pending", "failed"]);

export function sendTime(m: ApiMessage, client: ApiClient | undefined, now = Date.now()): SendTime {
  if (!WAITING.has(m.status)) {
    if (m.status === "dead_letter" && m.deadLetterAt) return { at: m.deadLetterAt, held: null, kind: "gave up" };
    if (m.status === "cancelled" && m.cancelledAt) return { at: m.cancelledAt, held: null, kind: "cancelled" };
    return m.sentAt ? { at: m.sentAt, held: null, kind: "sent" } : { at: m.createdAt, held: null, kind: "created" };
  }
  const due = m.runAt ?? m.scheduledFor ?? m.createdAt;
  const kind = m.status === "failed" ? "retry" : "goes";
  if (m.heldReason) return { at: due, held: m.heldReason, kind };
  if (!due || m.category !== "marketing" || !client) return { at: due, held: null, kind };
  const pickup = new Date(Math.max(new Date(due).getTime(), now));
  const opening = nextOpening(client.businessHours, client.timezone, pickup);
  if (!opening) return { at: null, held: "marketing, but the client has no business hours: it will not go", kind };
  if (opening.getTime() <= pickup.getTime()) return { at: due, held: null, kind };
  return { at: opening.toISOString(), held: "marketing: held for the client's business hours", kind };
}
