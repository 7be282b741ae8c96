// What the messages page shows, as it lives in its URL: the tab, the client, channel, text,
// date, provider, error class and customer filters, and the Scheduled tab's window; the
// /messages URL for a filter, which the overview, the banner and the activity feed link to;
// and the API query for it, which the list and the CSV export both send.
import type { MessageStatus } from "@/components/api/message-statuses";
import { ERROR_CLASSES, type ErrorClass } from "@/lib/domain/words";

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
  /** First and last day shown (`2026-12-01`, the viewer's days), both included; created on those days, or, on the Scheduled tab, going then. */
  from?: string;
  until?: string;
  provider?: string;
  errorClass?: ErrorClass;
  /** Text in the customer's name, phone or email. */
  customer?: string;
  /** Scheduled tab only; a date range replaces it. */
  hours?: ScheduleWindow;
}

/** The filters beyond client, channel and text, all kept in the URL. */
export const EXTRA_FILTERS = ["from", "until", "provider", "errorClass", "customer"] as const;
/** The ones the Scheduled tab applies: customer, and its days are those of the real send time. */
export const SCHEDULE_FILTERS = ["from", "until", "customer"] as const;

/** The filters a tab applies beyond client, channel and text. */
export function tabFilters(tab: MessageTab): readonly (typeof EXTRA_FILTERS)[number][] {
  return tab === "scheduled" ? SCHEDULE_FILTERS : EXTRA_FILTERS;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` from the URL, or undefined when it is not one. */
export function parseDay(value: string | undefined): string | undefined {
  return value && DAY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime()) ? value : undefined;
}

export function parseErrorClass(value: string | undefined): ErrorClass | undefined {
  return (ERROR_CLASSES as readonly string[]).includes(value ?? "") ? (value as ErrorClass) : undefined;
}

/** Midnight starting a viewer's day, as an instant; `plusDays` 1 gives the end of that day. */
export function dayStart(day: string, plusDays = 0): string {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
}

/** The filter as GET /api/messages (and /api/messages/export) query parameters, without cursor or limit. */
export function listParams(filter: MessageFilter): URLSearchParams {
  const params = new URLSearchParams();
  const statuses = tabStatuses(filter.tab);
  if (statuses) params.set("status", statuses.join(","));
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.clientId) params.set("clientId", filter.clientId);
  if (filter.q) params.set("q", filter.q);
  if (filter.from) params.set("from", dayStart(filter.from));
  if (filter.until) params.set("until", dayStart(filter.until, 1));
  if (filter.provider) params.set("provider", filter.provider);
  if (filter.errorClass) params.set("errorClass", filter.errorClass);
  if (filter.customer) params.set("customer", filter.customer);
  return params;
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
  for (const key of EXTRA_FILTERS) if (filter[key]) params.set(key, filter[key]);
  if (filter.tab === "scheduled" && filter.hours && filter.hours !== DEFAULT_SCHEDULE_WINDOW) params.set("hours", String(filter.hours));
  const query = params.toString();
  return query ? `/messages?${query}` : "/messages";
}
