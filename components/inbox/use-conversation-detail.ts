"use client";

// GET /api/conversations/:id, for the Inbox's right side when the open conversation is not in
// the list's loaded pages (a link to it, a filter it does not match): its client and number
// give the customer's calls. The thread reads its own messages.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { ConversationDetail } from "@/components/api/types";

export function useConversationDetail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["conversations", "detail", id],
    queryFn: () => fetchJson<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`),
    select: (d) => d.conversation,
    enabled,
  });
}
