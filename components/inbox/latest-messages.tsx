"use client";

// Read-only: the conversation's latest messages as GET /api/conversations/:id gives them,
// oldest at the top. Stands in for the thread (components/conversations/thread.tsx) until it lands.
import type { ConversationDetail } from "@/components/api/types";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { PreviewTicks } from "./preview-ticks";

export function LatestMessages({ detail }: { detail: ConversationDetail }) {
  const now = useNow();
  if (detail.messages.length === 0) return <p className="p-4 text-sm text-slate-500 dark:text-slate-400">No messages yet.</p>;
  return (
    <ol data-testid="latest-messages" className="flex flex-col gap-2 p-3">
      {detail.messages.map((m) => {
        const ours = m.direction === "outbound";
        return (
          <li key={m.id} data-testid="latest-message" data-direction={m.direction} className={`flex ${ours ? "justify-end" : "justify-start"}`}>
            <div className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm shadow-sm ${ours ? "rounded-br-sm bg-indigo-600 text-white" : "rounded-bl-sm bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100"}`}>
              <p className="whitespace-pre-wrap break-words">{m.text}</p>
              {m.mediaUrl && (
                <a href={m.mediaUrl} target="_blank" rel="noreferrer" className="mt-1 block break-all text-xs underline">
                  attachment
                </a>
              )}
              <p className={`mt-1 flex items-center justify-end gap-1 text-[11px] ${ours ? "text-indigo-100" : "text-slate-500 dark:text-slate-400"}`}>
                <RelativeTime iso={m.timestamp} now={now} />
                {ours && <PreviewTicks status={m.status} />}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
