"use client";

// After Compose: which message was queued, with a link to it; its row updates live in the list.
import Link from "next/link";
import type { ApiMessage } from "@/components/api/types";
import { messagesHref, type MessageFilter } from "./message-filter";

export function ComposedNotice({ message, filter, onDismiss }: { message: ApiMessage; filter: MessageFilter; onDismiss: () => void }) {
  return (
    <div role="status" data-testid="composed-notice" className="flex flex-wrap items-center gap-2 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-100">
      <span>
        {message.scheduledFor && new Date(message.scheduledFor).getTime() > Date.now() + 5_000 ? "Scheduled" : "Queued"} {message.channel} to{" "}
        <span className="font-mono">{message.to}</span>:
      </span>
      <Link href={messagesHref({ ...filter, tab: "all", q: message.id })} className="font-mono text-xs underline">
        {message.id}
      </Link>
      <button type="button" onClick={onDismiss} className="ml-auto text-xs font-medium underline">
        Dismiss
      </button>
    </div>
  );
}
