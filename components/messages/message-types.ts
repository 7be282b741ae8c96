// The message shape the console reads from GET /api/messages (API.md, "A message").
// Declared here rather than imported from lib/ so the browser bundle never reaches server code.

export const MESSAGE_STATUSES = [
  "pending",
  "processing",
  "sent",
  "delivered",
  "read",
  "failed",
  "dead_letter",
  "cancelled",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const CHANNELS = ["sms", "email", "whatsapp"] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ApiMessage {
  id: string;
  clientId: string;
  channel: string;
  to: string;
  subject: string | null;
  body: string | null;
  template?: string | null;
  category: string;
  kind: string | null;
  status: string;
  scheduledFor: string | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  provider: string | null;
  providerMessageId: string | null;
  costCents: number | null;
  lastError: string | null;
  deadLetterReason: string | null;
  deadLetterAt: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  createdAt: string;
}

/** One page of a message list; the scheduled view is a single page with no cursor. */
export interface MessagePage {
  messages: ApiMessage[];
  nextCursor: string | null;
}

export const MESSAGE_TABS = ["all", "pending", "sent", "failed", "dead_letter", "scheduled"] as const;
export type MessageTab = (typeof MESSAGE_TABS)[number];

export function parseTab(value: string | undefined): MessageTab {
  return (MESSAGE_TABS as readonly string[]).includes(value ?? "") ? (value as MessageTab) : "all";
}

/** What a list shows: the tab plus the optional filters from the URL. */
export interface MessageFilter {
  tab: MessageTab;
  clientId?: string;
  channel?: string;
  q?: string;
}

/** The status a tab filters on, or null for a tab that shows several. */
export function tabStatus(tab: MessageTab): MessageStatus | null {
  if (tab === "all") return null;
  if (tab === "scheduled") return "pending";
  return tab;
}

export const RETRYABLE: readonly string[] = ["failed", "dead_letter"];
export const CANCELLABLE: readonly string[] = ["pending", "failed"];
