"use client";

// One conversation in the Inbox's list: who (name, else number or address), on which channel,
// the last message (theirs, or ours with its ticks), how long ago, and how many are unread.
import Link from "next/link";
import { memo } from "react";
import type { ApiConversation } from "@/components/api/types";
import { RelativeTime } from "@/components/ui/relative-time";
import { ChannelIcon } from "./channel-icon";
import { Ticks } from "@/components/conversations/ticks";

/** Who the conversation is with, as the Inbox names them. */
export function conversationTitle(c: Pick<ApiConversation, "customer" | "address">): string {
  return c.customer.name ?? c.address;
}

function ConversationRowImpl({ conversation: c, href, selected, clientName, now }: { conversation: ApiConversation; href: string; selected: boolean; clientName?: string; now: number }) {
  const unread = c.unreadCount > 0;
  const last = c.lastMessage;
  return (
    <li>
      <Link
        href={href}
        data-testid="conversation-row"
        data-conversation-id={c.id}
        data-unread={c.unreadCount}
        aria-current={selected ? "true" : undefined}
        className={`flex min-w-0 gap-3 px-3 py-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 ${
          selected ? "bg-indigo-50 dark:bg-indigo-950/60" : "hover:bg-slate-50 dark:hover:bg-slate-800/60"
        }`}
      >
        <ChannelIcon channel={c.channel} />
        <div className="min-w-0 flex-1">
          <div className="flex items-baseline gap-2">
            <span data-testid="conversation-title" className={`min-w-0 flex-1 truncate text-sm ${unread ? "font-semibold text-slate-900 dark:text-white" : "font-medium text-slate-700 dark:text-slate-200"} ${c.customer.name ? "" : "font-mono"}`}>
              {conversationTitle(c)}
            </span>
            <span className={`shrink-0 text-xs ${unread ? "font-medium text-indigo-700 dark:text-indigo-300" : "text-slate-500 dark:text-slate-400"}`}>
              <RelativeTime iso={last?.at ?? c.updatedAt} now={now} />
            </span>
          </div>
          <div className="mt-0.5 flex items-center gap-1.5">
            {last?.direction === "outbound" && <Ticks status={last.status ?? "pending"} />}
            <span data-testid="conversation-preview" className={`min-w-0 flex-1 truncate text-sm ${unread ? "text-slate-800 dark:text-slate-100" : "text-slate-500 dark:text-slate-400"}`}>
              {last ? (
                <>
                  {last.direction === "outbound" && <span className="text-slate-400 dark:text-slate-500">You: </span>}
                  {last.text || <span className="italic">(no text)</span>}
                </>
              ) : (
                <span className="italic">No messages yet</span>
              )}
            </span>
            {unread && (
              <span
                data-testid="unread-badge"
                title={`${c.unreadCount} unread`}
                className="inline-flex min-w-5 shrink-0 justify-center rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold leading-none text-white"
              >
                {c.unreadCount > 99 ? "99+" : c.unreadCount}
                <span className="sr-only"> unread</span>
              </span>
            )}
          </div>
          {(c.customer.name || clientName) && (
            <p className="mt-0.5 truncate text-xs text-slate-500 dark:text-slate-400">
              {c.customer.name && <span className="font-mono">{c.address}</span>}
              {c.customer.name && clientName && " · "}
              {clientName}
            </p>
          )}
        </div>
      </Link>
    </li>
  );
}

export const ConversationRow = memo(ConversationRowImpl);
