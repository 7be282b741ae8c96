// What the calls list shows, as it lives in its URL, and the /calls URL for a filter.

export const CALL_STATUSES = ["ongoing", "ended", "analyzed"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** What the calls list shows: the optional filters from the URL. */
export interface CallFilter {
  clientId?: string;
  status?: CallStatus;
}

export function parseCallStatus(value: string | undefined): CallStatus | undefined {
  return (CALL_STATUSES as readonly string[]).includes(value ?? "") ? (value as CallStatus) : undefined;
}

/** The /calls URL for a filter; empty filters stay out of the query string. */
export function callsHref(filter: CallFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set("status", filter.status);
  if (filter.clientId) params.set("clientId", filter.clientId);
  const query = params.toString();
  return query ? `/calls?${query}` : "/calls";
}
