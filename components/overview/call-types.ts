// The call shapes the overview reads (GET /api/calls, call:* events). Declared here so the
// browser bundle never reaches lib/.

export type { ApiCall } from "@/components/calls/call-types";

/** A call in the "calls now" panel. */
export interface LiveCall {
  callId: string;
  clientId: string;
  direction: string;
  fromNumber: string | null;
  toNumber: string | null;
  status: string;
  startedAt: string;
  /** When the panel heard it end (ms); ended calls linger briefly, then leave. */
  endedAt?: number;
  durationMs?: number | null;
}

export function callsUrl(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return `/api/calls?${q}`;
}
