// WhatsApp's 24-hour customer-service window as the thread shows it: open until
// conversation.windowClosesAt (24 h after the customer's last message), then only an approved
// template may be sent (the server sends the client's mapped template or falls back to SMS).
import type { ApiConversation } from "@/lib/conversations/queries";

export type WindowState = { kind: "none" } | { kind: "open"; closesAt: Date } | { kind: "closed"; closedAt: Date | null };

export function windowState(c: Pick<ApiConversation, "channel" | "windowClosesAt"> | undefined, now: number): WindowState {
  if (!c || c.channel !== "whatsapp") return { kind: "none" };
  const closes = c.windowClosesAt ? new Date(c.windowClosesAt) : null;
  if (closes && closes.getTime() > now) return { kind: "open", closesAt: closes };
  return { kind: "closed", closedAt: closes };
}

const clock = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "numeric", minute: "2-digit" });

export function formatWindowTime(d: Date): string {
  return clock.format(d);
}

/** "in 3 h", "in 12 min": how long it stays open. */
export function formatRemaining(d: Date, now: number): string {
  const min = Math.max(1, Math.round((d.getTime() - now) / 60_000));
  return min < 60 ? `in ${min} min` : `in ${Math.round(min / 60)} h`;
}
