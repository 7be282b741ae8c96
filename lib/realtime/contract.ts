// The one typed Socket.IO contract, imported by the server and the browser.
import type { ApiConversation } from "../conversations/queries";
import type { Server } from "socket.io";
export const MESSAGE_EVENTS = [
  "queued",
  "processing",
  "sent",
  "delivered",
  "read",
  "failed",
  "retry",
  "dead_letter",
  "cancelled",
] as const;
export type MessageEventName = (typeof MESSAGE_EVENTS)[number];

export interface MessageEventPayload {
  messageId: string;
  clientId: string;
  channel: string;
  to: string;
  status: string;
  attempts: number;
  provider?: string | null;
  error?: string | null;
  nextAttemptAt?: string | null;
  processingTimeMs?: number;
  /** The conversation the message is in (status_update goes to its room). */
  conversationId?: string | null;
}

/** A conversation as GET /api/conversations lists it: the very type lib/conversations/queries.ts serializes. */
export type ConversationEventPayload = ApiConversation;

export interface QueueStats {
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  scheduled: number;
  sentLastHour: number;
  failedLastHour: number;
  sent24h: number;
  failed24h: number;
  costTodayCents: number;
  costMonthCents: number;
  queueLagMs: number;
  generatedAt: string;
}

export interface CallEventPayload {
  callId: string;
  clientId: string;
  fromNumber: string | null;
  toNumber: string | null;
  direction: string;
  status: string;
  durationMs?: number | null;
  timestamp: string;
}
export type CallEventName = "started" | "ended" | "analyzed";

export interface ErrorEventPayload {
  id: string;
  clientId: string | null;
  service: string;
  severity: string;
  message: string;
  createdAt: string;
  errorType?: string;
  operation?: string;
  fingerprint?: string;
  /** How often the entry has been seen, and when last (repeats are counted on one entry). */
  occurrences?: number;
  lastSeenAt?: string;
  /** On error:logged / error:critical / error:repeated: how many occurrences this event brings. */
  repeats?: number;
}

type MessageEventHandlers = {
  [K in MessageEventName as `queue:message:${K}`]: (payload: MessageEventPayload) => void;
};

export interface ServerToClientEvents extends MessageEventHandlers {
  "queue:stats": (stats: QueueStats & { clientId: string | null }) => void;
  "call:started": (payload: CallEventPayload) => void;
  "call:ended": (payload: CallEventPayload) => void;
  "call:analyzed": (payload: CallEventPayload) => void;
  status_update: (payload: { messageId: string; conversationId: string; status: string }) => void;
  "conversation:updated": (payload: ConversationEventPayload) => void;
  inbound_message: (payload: { messageId: string; conversationId: string; text: string; mediaUrl: string | null; timestamp: string }) => void;
  "error:logged": (payload: ErrorEventPayload) => void;
  "error:critical": (payload: ErrorEventPayload) => void;
  "error:resolved": (payload: ErrorEventPayload) => void;
  "error:acknowledged": (payload: ErrorEventPayload) => void;
  /** An open entry was seen again: its count and last-seen time changed, it is not new. */
  "error:repeated": (payload: ErrorEventPayload) => void;
}

export interface ClientToServerEvents {
  ping: (ack: (at: string) => void) => void;
}

/** The Socket.IO server with Herald's events (type only: nothing of socket.io is bundled by importers). */
export type HeraldIo = Server<ClientToServerEvents, ServerToClientEvents>;
