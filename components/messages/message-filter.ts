// What the messages page shows, as it lives in its URL: the tab, the client, channel and text
// filters, and the Scheduled tab's window; and the /messages URL for a filter, which the
// overview, the banner and the activity feed link to.
import type { MessageStatus } from "@/components/api/message-statuses";

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

const SENT_STATUSES: readonly MessageStatus[] = ["sent", "delivered", "read"];

/** The statuses a tab shows, or null for every status. Sent includes what was delivered or read since. */
export function tabStatuses(tab: MessageTab): readonly MessageStatus[] | null {
  if (tab === "all") return null;
  if (tab === "scheduled") return ["pending"];
  if (tab === "sent") return SENT_STATUSES;
  return [tab];
}

/** The /messages URL for a filter; "all" and empty filters stay out of the query string. */
export function messagesHref(filter: MessageFilter): string {
  const params = new URLSearchParams();
  if (filter.tab !== "all") params.set("tab", filter.tab);
  if (filter.clientId) params.set("clientId", filter.clientId);
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.q) params.set("q", filter.q);
  if (filter.tab === "scheduled" && filter.hours && filter.hours !== DEFAULT_SCHEDULE_WINDOW) params.set("hours", String(filter.hours));
  const query = params.toString();
  return query ? `/messages?${query}` : "/messages";
}
