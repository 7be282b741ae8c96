"use client";

// The thread of one conversation wherever the console shows it (the Inbox, a call's detail).
import { LatestMessages } from "./latest-messages";
import { useConversationDetail } from "./use-conversation-detail";

export function ConversationThread({ conversationId, className = "" }: { conversationId: string; className?: string }) {
  const detail = useConversationDetail(conversationId);
  return (
    <div data-testid="conversation-thread" className={`overflow-y-auto ${className}`}>
      {detail.data ? <LatestMessages detail={detail.data} /> : <p className="p-4 text-sm text-slate-500">{detail.isError ? "The messages could not be read." : "Loading messages…"}</p>}
    </div>
  );
}
