// The message shape the console reads from GET /api/messages (API.md, "A message").
// Declared here rather than imported from lib/ so the browser bundle never reaches server code.

// The status and channel sets are lib's own constants (a file with no imports, safe in the browser).
import type { MessageStatus } from "@/lib/domain/words";
export { MESSAGE_STATUSES, CHANNELS, type MessageStatus, type Channel } from "@/lib/domain/words";

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
  /** Why a pending message waits past its time ("outside business hours; held until ..."). */
  heldReason?: string | null;
  /** When the worker will really pick it up (a held message's next opening). */
  runAt?: string | null;
  deadLetterReason: string | null;
  deadLetterAt: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  createdAt: string;
}

/** One provider call (GET /api/messages/:id → message.attemptLog). */
export interface ApiAttempt {
  attempt?: number;
  provider: string;
  outcome: "sent" | "failed" | string;
  errorClass?: string;
  errorCode?: string;
  error?: string;
  durationMs: number | null;
  at: string;
}

/** One status change (message.history); `note` says why ("retried with edits: body"). */
export interface ApiHistoryEntry {
  status: string;
  note: string | null;
  at: string;
}

export interface ApiMessageDetail extends ApiMessage {
  attemptLog: ApiAttempt[];
  history: ApiHistoryEntry[];
}

/** One page of a message list; the scheduled view is a single page with no cursor. */
export interface MessagePage {
  messages: ApiMessage[];
  nextCursor: string | null;
  /** Scheduled view: how many messages the window holds. */
  total?: number;
}

export const MESSAGE_TABS = ["all", "pending", "sent", "failed", "dead_letter", "scheduled"] as const;
export type MessageTab = (typeof MESSAGE_TABS)[number];

export function parseTab(value: string | undefined): MessageTab {
  return (MESSAGE_TABS as readonly string[]).includes(value ?? "") ? (value as MessageTab) : "all";
}

/** How far ahead the Scheduled tab looks, in hours (24 h, 48 h, 7 days). */
export const SCHEDULE_WINDOWS = [24, 48, 168] as const;
export type ScheduleWindow = (typeof SCHEDULE_WINDOWS)[number];
export const DEFAULT_SCHEDULE_WINDOW: ScheduleWindow = 24;

export function parseScheduleWindow(value: string | undefined): ScheduleWindow {
  const n = Number(value);
  return (SCHEDULE_WINDOWS as readonly number[]).includes(n) ? (n as ScheduleWindow) : DEFAULT_SCHEDULE_WINDOW;
}

/** What a list shows: the tab plus the optional filters from the URL. */
export interface MessageFilter {
  tab: MessageTab;
  clientId?: string;
  channel?: string;
  q?: string;
  /** Scheduled tab only. */
  hours?: ScheduleWindow;
}

export const SENT_STATUSES: readonly MessageStatus[] = ["sent", "delivered", "read"];

/** The statuses a tab shows, or null for every status. Sent includes what was delivered or read since. */
export function tabStatuses(tab: MessageTab): readonly MessageStatus[] | null {
  if (tab === "all") return null;
  if (tab === "scheduled") return ["pending"];
  if (tab === "sent") return SENT_STATUSES;
  return [tab];
}

export const RETRYABLE: readonly string[] = ["failed", "dead_letter"];
export const CANCELLABLE: readonly string[] = ["pending", "failed"];
