// A `conversation:updated` event applied to the pages of the Inbox already loaded: the
// conversation leaves its old place and, when it still belongs to the list, takes the place its
// activity gives it (newest first, as the server orders: updatedAt, then id, descending) —
// usually the top. A conversation older than everything loaded while more pages remain is
// left for "Load more" to bring, so no row is ever shown twice or out of order.
import type { ApiConversation, ConversationPage } from "@/components/api/types";

export interface Pages {
  pages: ConversationPage[];
  pageParams: unknown[];
}

/** a before b in the list (newest activity first). */
function comesBefore(a: ApiConversation, b: ApiConversation): boolean {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return a.id > b.id;
}

export function placeConversation(data: Pages, conversation: ApiConversation, belongs: boolean): Pages {
  const pages = data.pages.map((p) => ({ ...p, conversations: p.conversations.filter((c) => c.id !== conversation.id) }));
  if (belongs) {
    let placed = false;
    for (const page of pages) {
      const at = page.conversations.findIndex((c) => comesBefore(conversation, c));
      if (at >= 0) {
        page.conversations.splice(at, 0, conversation);
        placed = true;
        break;
      }
    }
    const last = pages[pages.length - 1];
    // After every loaded row: it is the list's last only when no page is left to load.
    if (!placed && last && !last.nextCursor) last.conversations.push(conversation);
  }
  return { ...data, pages };
}
