// conversation:updated for the inbox: the bus carries it (across the worker thread too) and
// lib/realtime sends it to `admin` and the conversation's `client:<id>` room.
import type { EventBus } from "../events/bus";
import type { ApiConversation } from "./queries";

export function publishConversationUpdated(bus: EventBus, conversation: ApiConversation): void {
  bus.emit("conversation", { clientId: conversation.clientId, conversation });
}
