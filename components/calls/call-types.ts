// The call shapes the console reads from GET /api/calls and GET /api/calls/:callId.
// Declared here rather than imported from lib/ so the browser bundle never reaches server code.
import type { ApiMessage } from "@/components/messages/message-types";

export const CALL_STATUSES = ["ongoing", "ended", "analyzed"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface ApiCall {
  id: string;
  callId: string;
  clientId: string;
  agentId: string | null;
  direction: string;
  fromNumber: string | null;
  toNumber: string | null;
  status: string;
  outcome: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  disconnectionReason: string | null;
  customerId: string | null;
  followUpsPlannedAt: string | null;
  createdAt: string;
}

export interface SkippedFollowUp {
  kind: string;
  channel: string;
  reason: string;
}

export interface CallDetail extends ApiCall {
  transcript: string | null;
  analysis: Record<string, unknown> | null;
  messages: ApiMessage[];
  skippedFollowUps: SkippedFollowUp[];
}

export interface CallPage {
  calls: ApiCall[];
  nextCursor: string | null;
}

export interface CallStats {
  total: number;
  byStatus: Record<string, number>;
  byOutcome: Record<string, number>;
  averageDurationMs: number | null;
  bookingRate: number | null;
}

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

/** 150000 → "2:30"; an hour or more → "1:02:03". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "dial_no_answer" → "dial no answer". */
export function humanize(value: string): string {
  return value.replace(/_/g, " ");
}

const KIND_LABELS: Record<string, string> = {
  confirmation: "Confirmation",
  reminder: "Reminder",
  reminder_24h: "Reminder 24 h",
  reminder_1h: "Reminder 1 h",
  nurture_day1: "Nurture day 1",
  nurture_day4: "Nurture day 4",
  missed_call: "Missed call",
};

/** A follow-up kind as people say it: "reminder_24h" → "Reminder 24 h". */
export function kindLabel(kind: string | null | undefined): string {
  if (!kind) return "Message";
  const text = KIND_LABELS[kind] ?? humanize(kind);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
