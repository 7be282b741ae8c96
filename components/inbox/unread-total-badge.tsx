"use client";

// The unread figure beside "Inbox" in the nav, on every console page; hidden at zero.
import { useUnreadTotal } from "./use-unread-total";

export function UnreadTotalBadge({ clientId }: { clientId?: string }) {
  const { data } = useUnreadTotal(clientId);
  const count = data?.messages ?? 0;
  if (!count) return null;
  const shown = count > 99 ? "99+" : String(count);
  const words = `${count} unread ${count === 1 ? "message" : "messages"} in ${data!.conversations} ${data!.conversations === 1 ? "conversation" : "conversations"}`;
  return (
    <span
      data-testid="unread-total"
      data-count={count}
      title={words}
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs font-semibold tabular-nums leading-5 text-white"
    >
      <span aria-hidden>{shown}</span>
      <span className="sr-only">, {words}</span>
    </span>
  );
}
