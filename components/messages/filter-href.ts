import { DEFAULT_SCHEDULE_WINDOW, type MessageFilter } from "./message-types";

/** The /messages URL for a filter; "all" and empty filters stay out of the query string. */
export function filterHref(filter: MessageFilter): string {
  const params = new URLSearchParams();
  if (filter.tab !== "all") params.set("tab", filter.tab);
  if (filter.clientId) params.set("clientId", filter.clientId);
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.q) params.set("q", filter.q);
  if (filter.tab === "scheduled" && filter.hours && filter.hours !== DEFAULT_SCHEDULE_WINDOW) params.set("hours", String(filter.hours));
  const query = params.toString();
  return query ? `/messages?${query}` : "/messages";
}
