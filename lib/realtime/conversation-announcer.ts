// conversation:updated for every change of a conversation's last message, whoever made it:
// an API or batch send, a follow-up, a HELP reply, the worker's ticks (sent, delivered, read).
// Inbound replies and widget sends announce their conversation at once themselves
// (lib/conversations/publish.ts); the rest arrive here as message events naming their
// conversation, are gathered for a quarter of a second and read in one query, and only when
// someone is listening.
import type { Database } from "../db/client";
import type { EventBus } from "../events/bus";
import { serializeConversations } from "../conversations/queries";
import { logFor } from "../log";

const FLUSH_MS = 250;
/** Conversations read per flush; the rest wait for the next one. */
const MAX_PER_FLUSH = 200;

export function announceConversations(database: Database, bus: EventBus, listening: () => boolean): () => void {
  const pending = new Set<string>();
  let busy = false;
  bus.on("message", ({ payload }) => {
    if (payload.conversationId) pending.add(payload.conversationId);
  });
  const timer = setInterval(async () => {
    if (busy || pending.size === 0) return;
    if (!listening()) return pending.clear();
    busy = true;
    const ids = [...pending].slice(0, MAX_PER_FLUSH);
    for (const id of ids) pending.delete(id);
    try {
      const rows = await database.db.conversation.findMany({ where: { id: { in: ids } } });
      for (const conversation of await serializeConversations(database, rows)) bus.emit("conversation", { clientId: conversation.clientId, conversation });
    } catch (err) {
      logFor("realtime").error({ err }, "conversation announcement failed");
    } finally {
      busy = false;
    }
  }, FLUSH_MS);
  timer.unref();
  return () => clearInterval(timer);
}
