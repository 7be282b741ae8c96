"use client";

// Opening a conversation marks it read, as in any chat app; so does a new message arriving
// while it is open and the tab is in view. The answer replaces the row in the cached lists
// at once (the server's `conversation:updated` follows for the other tabs), a list read still
// under way is asked again, and the nav's unread figure is refreshed.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { fetchJson } from "@/components/api/api-client";
import type { ApiConversation } from "@/components/api/types";
import { patchConversationInLists } from "./use-conversation-list";

export function useMarkRead(conversationId: string | undefined) {
  const queryClient = useQueryClient();
  const { mutate } = useMutation({
    mutationFn: (id: string) => fetchJson<{ conversation: ApiConversation }>(`/api/conversations/${encodeURIComponent(id)}/read`, { method: "POST" }),
    onSuccess: ({ conversation }) => {
      patchConversationInLists(queryClient, conversation);
      // A list read that began before the mark (the page's own first fetch) would answer it unread
      // after this patch: invalidating cancels such a read and asks again.
      void queryClient.invalidateQueries({ queryKey: ["conversations"], predicate: (q) => q.state.fetchStatus === "fetching" });
      void queryClient.invalidateQueries({ queryKey: ["conversations", "unread-total"] });
    },
  });

  useEffect(() => {
    if (conversationId) mutate(conversationId);
  }, [conversationId, mutate]);

  /** For the live list: the open conversation changed; read it again if something new is unread. */
  return useCallback(
    (c: ApiConversation) => {
      if (c.unreadCount > 0 && document.visibilityState === "visible") mutate(c.id);
    },
    [mutate],
  );
}
