// Call webhook fixtures shaped like the call platform's (Retell) payloads, and signing.
import { signRetellBody } from "../../lib/calls/signature";

export interface CallOptions {
  callId: string;
  event?: "call_started" | "call_ended" | "call_analyzed" | string;
  clientId?: string;
  agentId?: string;
  from?: string;
  to?: string;
  direction?: "inbound" | "outbound";
  analysis?: Record<string, unknown>;
  disconnectionReason?: string;
  startMs?: number;
}

export function callPayload(o: CallOptions) {
  const start = o.startMs ?? Date.now() - 180_000;
  const ended = o.event !== "call_started";
  return {
    event: o.event ?? "call_analyzed",
    call: {
      call_type: "phone_call",
      call_id: o.callId,
      agent_id: o.agentId ?? "agent_e2e",
      direction: o.direction ?? "inbound",
      from_number: o.from ?? "+15557654321",
      to_number: o.to ?? "+15550001111",
      call_status: ended ? "ended" : "ongoing",
      start_timestamp: start,
      ...(ended && { end_timestamp: start + 150_000, duration_ms: 150_000, disconnection_reason: o.disconnectionReason ?? "user_hangup" }),
      transcript: "Agent: Thanks for calling! User: I'd like to book a cleaning.",
      metadata: o.clientId ? { clientId: o.clientId } : {},
      ...(o.analysis && {
        call_analysis: { call_summary: "Caller booked a cleaning.", user_sentiment: "Positive", call_successful: true, in_voicemail: false, custom_analysis_data: o.analysis },
      }),
    },
  };
}

export function signedRequest(apiKey: string, body: unknown, timestampMs = Date.now()) {
  const raw = JSON.stringify(body);
  return { raw, signature: signRetellBody(apiKey, raw, timestampMs) };
}
