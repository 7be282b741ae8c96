import type { MessageFilter } from "./message-types";

/** The /messages URL for a filter; "all" and empty filters stay out of the query string. */
export function filterHref(filter: MessageFilter): string {
  const params = new URLSearchParams();
  if (filter.tab !== "all") params.set("tab", filter.tab);
  if (filter.clientId) params.set("clientId", filter.clientId);
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.q) params.set("q", filter.q);
  const query = params.toString();
  return query ? `/messages?${query}` : "/messages";
}
