// What the API answers, as the console reads it: every shape is the server's own, imported
// type-only from its serializers and shared schemas (erased at build, so the browser bundle
// never reaches server code). Where a route assembles its answer inline, the shape is put
// together here from the serializers it calls, and says so.
import type { ApiAuditEntry } from "@/components/audit/audit-labels";
import type { getCallDetail, getCallStats, listCalls, toApiCall } from "@/lib/calls/queries";
import type { toApiClient } from "@/lib/clients/clients";
import type { ApiConversation, conversationDetail, listConversations } from "@/lib/conversations/queries";
import type { listErrors } from "@/lib/errorlog/queries";
import type { SkippedFollowUp } from "@/lib/followups/plan";
import type { ApiMessage, toApiAttempt, toApiHistory } from "@/lib/queue/serialize";
import type { clientSettingsSchema } from "@/lib/schemas/client";
import type { previewTemplate } from "@/lib/templates/preview";
import type { z } from "zod";

export type { ApiMessage, ApiScheduledMessage } from "@/lib/queue/serialize";
export type { ApiErrorEntry, ErrorStats } from "@/lib/errorlog/queries";
export type { TemplateText } from "@/lib/templates/defaults";

// Messages (API.md, "A message").

/** One provider call (GET /api/messages/:id → message.attemptLog). */
export type ApiAttempt = ReturnType<typeof toApiAttempt>;

/** One status change (message.history); `note` says why ("retried with edits: body"). */
export type ApiHistoryEntry = ReturnType<typeof toApiHistory>;

/** GET /api/messages/:id: the route adds the attempt log and the history to toApiMessage. */
export type ApiMessageDetail = ApiMessage & { attemptLog: ApiAttempt[]; history: ApiHistoryEntry[]; audit?: ApiAuditEntry[] };

/**
 * One page of a message list (GET /api/messages: `{messages, nextCursor}`); the scheduled view
 * (GET /api/messages/scheduled) is ordered by the real send time, with its own cursor, and has `total`, the window's count.
 */
export interface MessagePage {
  /** The Scheduled tab's entries also carry goesAt and goesReason (ApiScheduledMessage). */
  messages: (ApiMessage & { goesAt?: string | null; goesReason?: string | null })[];
  nextCursor: string | null;
  total?: number;
}

// Calls.

export type ApiCall = ReturnType<typeof toApiCall>;
export type CallPage = Awaited<ReturnType<typeof listCalls>>;
export type CallStats = Awaited<ReturnType<typeof getCallStats>>;

/** GET /api/calls/:callId. The server types skippedFollowUps as parsed JSON (unknown[]); it stores SkippedFollowUp. */
export type CallDetail = Omit<NonNullable<Awaited<ReturnType<typeof getCallDetail>>>, "skippedFollowUps"> & {
  skippedFollowUps: SkippedFollowUp[];
};

// Clients.

/** A client's settings as the schema that saves them accepts them. */
export type ClientSettings = z.infer<typeof clientSettingsSchema>;

/** toApiClient types settings as parsed JSON; it is what clientSettingsSchema let through. */
export type ApiClient = Omit<ReturnType<typeof toApiClient>, "settings"> & { settings: ClientSettings };

/** POST /api/clients and POST /api/clients/:id/rotate-key: the key is in this answer only. */
export interface ClientWithKey {
  client: ApiClient;
  apiKey: string;
}

/** POST /api/templates/preview: the draft rendered with sample data. */
export type TemplatePreview = ReturnType<typeof previewTemplate>;

// Errors.

export type ErrorPage = Awaited<ReturnType<typeof listErrors>>;

// Conversations (the Inbox).

/** One row of GET /api/conversations, and the payload of `conversation:updated`. */
export type { ApiConversation };
export type ConversationPage = Awaited<ReturnType<typeof listConversations>>;
/** GET /api/conversations/:id: the conversation and its latest messages, oldest first. */
export type ConversationDetail = Awaited<ReturnType<typeof conversationDetail>>;
