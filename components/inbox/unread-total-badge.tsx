"use client";

// The unread figure beside "Inbox" in the nav, on every console page; hidden at zero.
import { NavCountBadge } from "@/components/ui/nav-count-badge";
import { useUnreadTotal } from "./use-unread-total";

export function UnreadTotalBadge({ clientId }: { clientId?: string }) {
  const { data } = useUnreadTotal(clientId);
  const count = data?.messages ?? 0;
  const conversations = data?.conversations ?? 0;
  const words = `${count} unread ${count === 1 ? "message" : "messages"} in ${conversations} ${conversations === 1 ? "conversation" : "conversations"}`;
  return <NavCountBadge count={count} words={words} tone="indigo" testId="unread-total" />;
}
